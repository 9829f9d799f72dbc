package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.events.event.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/**
 * A waiting list's size left one too high by a process that died between joining and storing is put right, but only
 * when two rounds see the same difference at the same version of the event: a join and a departure in between (the
 * same difference again) make it wait. A place left taken by a process that died between taking it and storing the
 * registration is put back the same way, and the deadline job then gives it to the first person waiting.
 */
class WaitingSizesTest extends EventsApiTestSupport {

    private static final org.springframework.test.web.servlet.request.RequestPostProcessor ORGANISER =
            cityUser("helsinki", "staff", "event-organiser");

    @Autowired
    WaitingSizes sizes;
    @Autowired
    WaitingList waitingList;

    @Test
    void aSizeLeftTooHighIsPutRightWhenTwoRoundsAgreeAndTheNextJoinerIsToldTheRightPlace() throws Exception {
        String event = draft(1);
        for (int i = 0; i < 4; i++) {
            register(event, "jonossa" + i + "@example.org");
        }
        assertThat(size(event)).isEqualTo(3);
        // a process joined the list for someone and died before storing the registration
        mongo.updateFirst(new Query(Criteria.where("_id").is(event)),
                new Update().inc("waitlistedCount", 1).inc("waitingNumbers", 1).inc("version", 1), Event.class);

        assertThat(sizes.correct(Instant.now())).as("the first round only sees it").isZero();
        assertThat(size(event)).isEqualTo(4);
        // between two rounds someone joins and leaves again: the same difference, but the event changed meanwhile
        String between = JsonPath.read(register(event, "valissa@example.org"), "$.id");
        assertThat(size(event)).isEqualTo(5);
        mvc.perform(post("/api/events/" + event + "/registrations/" + between + "/cancel").with(ORGANISER))
                .andExpect(status().isOk());
        assertThat(sizes.correct(Instant.now())).as("the event changed since the round before").isZero();
        assertThat(size(event)).isEqualTo(4);
        assertThat(sizes.correct(Instant.now())).isEqualTo(1);
        assertThat(size(event)).isEqualTo(3);
        assertThat(sizes.correct(Instant.now())).as("nothing left to put right").isZero();

        mvc.perform(post("/api/events/" + event + "/registrations").with(ORGANISER)
                        .contentType(MediaType.APPLICATION_JSON).content(person("seuraava@example.org")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.waitingListPosition").value(4));
    }

    @Test
    void aPlaceLeftTakenByNobodyIsPutBackWhenTwoRoundsAgreeAndGoesToTheFirstWaiting() throws Exception {
        String event = draft(2);
        String confirmed = JsonPath.read(register(event, "paikalla@example.org"), "$.id");
        // a process took the second place for someone and died before storing the registration
        mongo.updateFirst(new Query(Criteria.where("_id").is(event)), new Update().inc("confirmedCount", 1).inc("version", 1),
                Event.class);
        String first = JsonPath.read(register(event, "ensimmainen@example.org"), "$.id");
        String second = JsonPath.read(register(event, "toinen@example.org"), "$.id");
        assertThat(statusOf(first)).as("the event looks full").isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(placesTaken(event)).isEqualTo(2);

        assertThat(sizes.correct(Instant.now())).as("the first round only sees it").isZero();
        assertThat(placesTaken(event)).isEqualTo(2);
        // between two rounds a place is given back and taken again: the same difference, but the event changed
        mvc.perform(post("/api/events/" + event + "/registrations/" + confirmed + "/cancel").with(ORGANISER))
                .andExpect(status().isOk());
        assertThat(statusOf(first)).as("the place given back goes to the first waiting").isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(sizes.correct(Instant.now())).as("the event changed since the round before").isZero();
        assertThat(placesTaken(event)).isEqualTo(2);
        assertThat(sizes.correct(Instant.now())).isEqualTo(1);
        assertThat(placesTaken(event)).as("only the confirmed person holds a place").isEqualTo(1);
        assertThat(size(event)).isEqualTo(1);

        assertThat(new OfferDeadlines(waitingList).offerPlacesLeftFree(Instant.now())).isEqualTo(1);
        assertThat(statusOf(second)).as("the free place goes to the next waiting").isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(placesTaken(event)).isEqualTo(2);
        assertThat(size(event)).isZero();
        assertThat(sizes.correct(Instant.now())).as("nothing left to put right").isZero();
    }

    private int size(String event) {
        return mongo.findById(event, Event.class).waitlistedCount();
    }

    private String register(String event, String email) throws Exception {
        return mvc.perform(post("/api/events/" + event + "/registrations").with(ORGANISER)
                        .contentType(MediaType.APPLICATION_JSON).content(person(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }
}
