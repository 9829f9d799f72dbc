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
 * same difference again) make it wait.
 */
class WaitingSizesTest extends EventsApiTestSupport {

    private static final org.springframework.test.web.servlet.request.RequestPostProcessor ORGANISER =
            cityUser("helsinki", "staff", "event-organiser");

    @Autowired
    WaitingSizes sizes;

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

    private int size(String event) {
        return mongo.findById(event, Event.class).waitlistedCount();
    }

    private String register(String event, String email) throws Exception {
        return mvc.perform(post("/api/events/" + event + "/registrations").with(ORGANISER)
                        .contentType(MediaType.APPLICATION_JSON).content(person(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }
}
