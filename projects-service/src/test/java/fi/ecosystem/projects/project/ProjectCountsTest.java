package fi.ecosystem.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The live counts against the embedded store: exact under redelivery and reordering, and the old arrays migrated. */
class ProjectCountsTest {

    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectCounts counts;

    @BeforeEach
    void store() {
        client = MongoClients.create(EmbeddedStore.uri());
        mongo = new MongoTemplate(client, "project-counts-test");
        for (String collection : List.of("projects", ProjectCounts.PARTICIPANTS, ProjectCounts.EVENTS)) {
            mongo.dropCollection(collection);
        }
        counts = new ProjectCounts(mongo);
        mongo.insert(new Document("_id", "p1").append("participantsReached", 0L).append("eventsHeld", 0L)
                .append("version", 0L), "projects");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRegistrationCountsOnceHoweverOftenAndInWhateverOrderItArrives() {
        counts.participantsConfirmed(List.of(participant("r1"), participant("r2"), participant("r1")));
        counts.participantsConfirmed(List.of(participant("r3")));
        // a redelivered older batch after a newer one: nothing changes, nothing goes down
        counts.participantsConfirmed(List.of(participant("r2"), participant("r1")));

        Document project = project();
        assertThat(project.getLong("participantsReached")).isEqualTo(3);
        assertThat(project.getLong("version")).as("raised twice, the redelivery wrote nothing").isEqualTo(2);
        assertThat(mongo.findById("p1:e1", Document.class, ProjectCounts.EVENTS).getLong("participants")).isEqualTo(3);
        assertThat(mongo.count(new Query(), ProjectCounts.PARTICIPANTS)).isEqualTo(3);
    }

    @Test
    void anEventIsHeldOnceHoweverOftenItChanges() {
        counts.eventsHeld(List.of(new ProjectCounts.HeldEvent("p1", "e1"), new ProjectCounts.HeldEvent("p1", "e1")));
        counts.eventsHeld(List.of(new ProjectCounts.HeldEvent("p1", "e2"), new ProjectCounts.HeldEvent("p1", "e1")));
        counts.participantsConfirmed(List.of(participant("r1"))); // shares e1's document; it stays held

        assertThat(project().getLong("eventsHeld")).isEqualTo(2);
        assertThat(mongo.findById("p1:e1", Document.class, ProjectCounts.EVENTS).getBoolean("held")).isTrue();
    }

    @Test
    void theCountedIdsOfOlderProjectsLeaveTheDocumentAndKeepCounting() {
        mongo.insert(new Document("_id", "old").append("participantsReached", 2L).append("eventsHeld", 1L)
                .append("countedRegistrations", List.of("r1", "r2")).append("countedEvents", List.of("e1"))
                .append("version", 7L), "projects");

        counts.run(null);
        counts.run(null); // a second start finds nothing more to do

        Document old = mongo.findById("old", Document.class, "projects");
        assertThat(old).doesNotContainKeys("countedRegistrations", "countedEvents").containsEntry("participantsReached", 2L);
        assertThat(mongo.count(new Query(Criteria.where("projectId").is("old")), ProjectCounts.PARTICIPANTS)).isEqualTo(2);
        // a redelivered old registration still counts once, a new one counts
        counts.participantsConfirmed(List.of(new ProjectCounts.Participant("old", "e1", "r2"),
                new ProjectCounts.Participant("old", "e1", "r9")));
        counts.eventsHeld(List.of(new ProjectCounts.HeldEvent("old", "e1")));
        Document after = mongo.findById("old", Document.class, "projects");
        assertThat(after.getLong("participantsReached")).isEqualTo(3);
        assertThat(after.getLong("eventsHeld")).isEqualTo(1);
    }

    private Document project() {
        return mongo.findById("p1", Document.class, "projects");
    }

    private static ProjectCounts.Participant participant(String registrationId) {
        return new ProjectCounts.Participant("p1", "e1", registrationId);
    }
}
