package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.events.event.Event;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Events stored before their waiting list's size was kept get it at start, counted from the list: the next person
 * joining is told their real place. Events with nobody waiting, and events already past, are left as they are.
 */
class LegacyWaitingSizesTest extends EventsApiTestSupport {

    private static final RequestPostProcessor ORGANISER = cityUser("helsinki", "staff", "event-organiser");

    @Autowired
    LegacyWaitingSizes legacy;

    @Test
    void anEventAheadStoredWithoutItsWaitingListsSizeGetsItAndTheNextJoinerIsToldTheRightPlace() throws Exception {
        String stored = draft(1);
        String past = draft(1);
        for (int i = 0; i < 4; i++) {
            register(stored, "jonossa" + i + "@example.org");
            register(past, "mennyt" + i + "@example.org");
        }
        String nobodyWaits = draft(5);
        register(nobodyWaits, "ainoa@example.org");
        // as stored before the size was kept: no field
        for (String event : new String[] {stored, past}) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(event)), new Update().unset("waitlistedCount"), Event.class);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(past)), new Update().set("startsAt", Instant.parse("2020-01-01T08:00:00Z")),
                Event.class);
        Object nobodyWaitsVersion = raw(nobodyWaits).get("version");

        legacy.migrate(Instant.now());

        assertThat(raw(stored).get("waitlistedCount")).isEqualTo(3);
        assertThat(raw(past).containsKey("waitlistedCount")).as("an event already past is left alone").isFalse();
        assertThat(raw(nobodyWaits).get("version")).as("nobody waits: not written").isEqualTo(nobodyWaitsVersion);
        assertThat(legacy.migrate(Instant.now())).as("a second start does nothing").isZero();

        mvc.perform(post("/api/events/" + stored + "/registrations").with(ORGANISER)
                        .contentType(MediaType.APPLICATION_JSON).content(person("seuraava@example.org")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.waitingListPosition").value(4));
    }

    private Document raw(String event) {
        return mongo.findById(event, Document.class, mongo.getCollectionName(Event.class));
    }

    private void register(String event, String email) throws Exception {
        mvc.perform(post("/api/events/" + event + "/registrations").with(ORGANISER)
                        .contentType(MediaType.APPLICATION_JSON).content(person(email)))
                .andExpect(status().isCreated());
    }
}
