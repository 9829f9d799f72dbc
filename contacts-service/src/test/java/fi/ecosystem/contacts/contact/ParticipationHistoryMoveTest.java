package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person stored when the participation history was an array in their record: the start moves the lines into
 * their own collection, once, without overwriting a newer line, and the person reads as before.
 */
class ParticipationHistoryMoveTest extends ContactsApiTestBase {

    @Autowired
    ParticipationHistory history;
    @Autowired
    ContactWords words;

    private static Document line(String registrationId, String projectId, String status, String at) {
        return new Document("registrationId", registrationId).append("eventId", "event-" + registrationId)
                .append("projectId", projectId).append("status", status).append("at", Date.from(Instant.parse(at)));
    }

    @Test
    void theArrayOfAnOlderRecordMovesToTheCollectionOnceAndANewerLineStays() throws Exception {
        mongo.insert(new Document("_id", "p-old").append("email", "vanha@example.org").append("firstName", "Veera")
                .append("lastName", "Vanha").append("projectIds", List.of(HRI, TOWNS)).append("links", List.of(HRI, TOWNS))
                .append("entries", List.of(new Document("scope", HRI).append("firstName", "Veera").append("lastName", "Vanha")
                        .append("at", Date.from(Instant.parse("2025-05-01T10:00:00Z")))))
                .append("participations", List.of(line("r-old-1", HRI, "ATTENDED", "2025-05-01T10:00:00Z"),
                        line("r-old-2", TOWNS, "CONFIRMED", "2025-06-01T10:00:00Z")))
                .append("version", 3L), "contacts");
        // a newer version wrote this registration's line already (a rolling update): the array's older one must not win
        history.write(List.of(new ParticipationLine("r-old-2", "p-old", "event-r-old-2", TOWNS, "CANCELLED",
                Instant.parse("2025-06-02T10:00:00Z"))));

        history.afterPropertiesSet();

        Document stored = mongo.findById("p-old", Document.class, "contacts");
        assertThat(stored).doesNotContainKey("participations").containsEntry("participatedIn", List.of(HRI, TOWNS))
                .containsEntry("version", 4L);
        assertThat(history.of("p-old")).containsExactly(
                new Participation("r-old-1", "event-r-old-1", HRI, "ATTENDED", Instant.parse("2025-05-01T10:00:00Z")),
                new Participation("r-old-2", "event-r-old-2", TOWNS, "CANCELLED", Instant.parse("2025-06-02T10:00:00Z")));

        history.afterPropertiesSet(); // the next start finds nothing left to move
        assertThat(mongo.findById("p-old", Document.class, "contacts")).containsEntry("version", 4L);
        assertThat(history.of("p-old")).hasSize(2);

        // each city sees the lines of its own projects, as when they were in the record
        mvc.perform(get("/api/contacts/p-old").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participations.length()").value(1))
                .andExpect(jsonPath("$.participations[0].registrationId").value("r-old-1"));
        mvc.perform(get("/api/contacts/p-old").with(cityUser("iisalmi", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participations.length()").value(1))
                .andExpect(jsonPath("$.participations[0].status").value("CANCELLED"));
        words.rebuild(); // the record was written straight into the store, past the word index
        mvc.perform(get("/api/contacts?q=veera").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].participations.length()").value(1))
                .andExpect(jsonPath("$.items[0].participations[0].registrationId").value("r-old-1"));
    }
}
