package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of projects-service against the same Kafka and store, as replicas run in production:
 * every event is handled once by the pair, and the outbox relay — a scheduled job — publishes each
 * event once, not once per replica.
 */
@ExtendWith(Stack.class)
class ScaleOutIT {

    static Replica secondInstance;
    static String integrator;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        secondInstance = Replica.start("projects-service", 8091, Map.of(
                "MONGODB_URI", Stack.MONGODB + "/projects",
                "KAFKA_BOOTSTRAP_SERVERS", Stack.KAFKA,
                "KEYCLOAK_URL", Stack.KEYCLOAK));
        integrator = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void eachEventIsPublishedOnceAndHandledOnceByTwoReplicas() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> projectIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String instance = i % 2 == 0 ? Stack.SERVICES.get("projects-service") : secondInstance.url;
            HttpResponse<String> created = Api.post(instance + "/api/projects", integrator, """
                    {"acronym": "SCALE-%d", "name": {"fi": "Skaalaus %s %d"}, "startDate": "2026-11-01",
                     "leadCity": "helsinki", "participatingCities": ["helsinki"]}
                    """.formatted(i, run, i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            projectIds.add(Keycloak.json(created.body()).get("id").asString());
        }
        String target = projectIds.get(0);
        for (int i = 0; i < 30; i++) {
            TopicProbe.send(Stack.KAFKA, Topics.REGISTRATIONS, "scale-" + run + "-" + i, """
                    {"id": "%s", "type": "registration.confirmed", "version": 1, "time": "2026-11-23T10:00:00Z",
                     "data": {"registrationId": "scale-%s-%d", "eventId": "e", "projectId": "%s", "status": "CONFIRMED"}}
                    """.formatted(UUID.randomUUID(), run, i, target));
        }

        // the outbox: every project's event reached the topic, each exactly once
        String last = projectIds.get(projectIds.size() - 1);
        TopicProbe.awaitRecord(Stack.KAFKA, Topics.PROJECTS, record -> last.equals(record.key()), Duration.ofSeconds(60));
        Thread.sleep(2_000); // a second publication by the other replica would come within its poll interval
        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Stack.KAFKA, Topics.PROJECTS, Duration.ofSeconds(3));
        Map<String, Integer> published = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (projectIds.contains(record.key())) {
                published.merge(record.key(), 1, Integer::sum);
            }
        }
        assertThat(published).hasSize(20).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));

        // the consumers: the pair counted each registration once
        await().atMost(Duration.ofSeconds(60)).until(() -> participants(target) == 30);
        Thread.sleep(1_000);
        assertThat(participants(target)).isEqualTo(30);
    }

    static long participants(String projectId) throws Exception {
        return Keycloak.json(Api.get(Stack.GATEWAY + "/api/projects/" + projectId, integrator).body())
                .get("participantsReached").asLong();
    }
}
