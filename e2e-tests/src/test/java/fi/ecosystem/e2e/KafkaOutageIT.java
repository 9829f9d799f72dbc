package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/** The outbox holds a project's event while the Kafka broker is down and sends it once the broker is back. */
// alone, not beside other classes (junit-platform.properties): it stops the Kafka broker
@Isolated
@ExtendWith(Stack.class)
class KafkaOutageIT {

    @Test
    void theOutboxDeliversEventsStoredWhileKafkaWasDown() throws Exception {
        Stack.kafka("stop");
        String projectId;
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/projects", MessagingIT.integrator(), """
                    {"acronym": "OUTBOX", "name": {"fi": "Hanke Kafkan katkon aikana"}, "startDate": "2026-11-01",
                     "leadCity": "helsinki", "participatingCities": ["helsinki", "vantaa"]}
                    """);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            projectId = Keycloak.json(created.body()).get("id").asString();
            // saved with the project in one write, before any relay could try to send it
            assertThat(MessagingIT.pendingEvents(mongo, projectId)).hasSize(1);
        } finally {
            Stack.kafka("start");
        }

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(Stack.KAFKA, Topics.PROJECTS,
                record -> projectId.equals(record.key()), Duration.ofSeconds(90));
        assertThat(records.get(records.size() - 1).value()).contains("project.changed", "vantaa");
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> MessagingIT.pendingEvents(mongo, projectId).isEmpty());
        }
        assertThat(MessagingIT.eventIn(projectId, 10)).isNotBlank(); // events-service got it too
    }
}
