package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Two instances of projects-service against the same Kafka and store, as replicas run in production: the
 * outbox relays publish each event once, not once per replica, and the pair handles every registration event
 * once — also when one replica is killed in the middle of consuming (what it handled but had not committed
 * comes again to the survivor after the rebalance) and when events are delivered again.
 */
// alone, not beside other classes (junit-platform.properties): it starts a second projects-service and kills one of the two while they consume
@Isolated
@ExtendWith(Stack.class)
class ScaleOutIT {

    static final String HANDLER = "participants-reached";
    static Replica secondInstance;
    private static String integrator;
    private static long integratorFetchedAt;

    /** Helsinki's integrator token, fetched again before it nears its 5-minute lifetime (the kill makes this test long). */
    static synchronized String integrator() throws Exception {
        if (integrator == null || System.currentTimeMillis() - integratorFetchedAt > 120_000) {
            integrator = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
            integratorFetchedAt = System.currentTimeMillis();
        }
        return integrator;
    }

    @BeforeAll
    static void startSecondInstance() throws Exception {
        secondInstance = Replica.start("projects-service", 8091, Map.of(
                "MONGODB_URI", Stack.MONGODB + "/projects",
                "KAFKA_BOOTSTRAP_SERVERS", Stack.KAFKA,
                "KEYCLOAK_URL", Stack.KEYCLOAK,
                // the group notices the killed replica after 10 s instead of the default 45 s
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": \"10000\","
                        + " \"spring.kafka.consumer.properties.heartbeat.interval.ms\": \"2000\"}"));
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void eachEventIsPublishedOnceAndHandledOnceByTwoReplicasAlsoWhenOneIsKilled() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> projectIds = new ArrayList<>();
        List<String> instances = List.of(Stack.SERVICES.get("projects-service"), secondInstance.url);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> created = Api.post(instances.get(i % 2) + "/api/projects", integrator(), """
                    {"acronym": "SCALE-%d", "name": {"fi": "Skaalaus %s %d"}, "startDate": "2026-11-01",
                     "leadCity": "helsinki", "participatingCities": ["helsinki"]}
                    """.formatted(i, run, i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            projectIds.add(Keycloak.json(created.body()).get("id").asString());
        }
        // a later change of each project through the other replica: its event follows the first on the same key
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> activated = Api.put(instances.get((i + 1) % 2) + "/api/projects/" + projectIds.get(i) + "/status",
                    integrator(), "{\"status\": \"ACTIVE\"}");
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        }

        // the outbox: read until every project's later event is there; before it, its first event came exactly once
        Set<String> activatedSeen = new HashSet<>();
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(Stack.KAFKA, Topics.PROJECTS, record -> {
            if (projectIds.contains(record.key()) && "ACTIVE".equals(status(record))) {
                activatedSeen.add(record.key());
            }
            return activatedSeen.size() == projectIds.size();
        }, Duration.ofSeconds(90));
        for (String id : projectIds) {
            List<ConsumerRecord<String, String>> ofProject = records.stream().filter(record -> id.equals(record.key())).toList();
            assertThat(ofProject).as("published once each, up to the later event of " + id)
                    .extracting(ScaleOutIT::status).startsWith("PLANNED", "ACTIVE");
        }

        // the consumers: a batch of registrations, and the second replica killed while the pair handles it
        String target = projectIds.get(0);
        try (KafkaProducer<String, String> producer = producer(); MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            var markers = mongo.getDatabase("projects").getCollection("processed_events");
            List<String> first = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                first.add(send(producer, "scale-" + run + "-" + i, UUID.randomUUID().toString(), "scale-" + run + "-" + i, target));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> markers.countDocuments(Filters.in("_id", markerIds(first))) > 0);
            secondInstance.kill();

            List<String> second = new ArrayList<>();
            for (int i = 30; i < 60; i++) {
                second.add(send(producer, "scale-" + run + "-" + i, UUID.randomUUID().toString(), "scale-" + run + "-" + i, target));
            }
            // the first batch delivered again, each under its own event id but another registration id: the project's
            // own guard (one count per registration id) cannot absorb these, only the inbox's marker can
            for (int i = 0; i < 30; i++) {
                send(producer, "scale-" + run + "-" + i, first.get(i), "scale-" + run + "-" + i + "-again", target);
            }
            // then a later event on each of those keys: once it is marked, everything before it on its partition was handled
            List<String> later = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                later.add(send(producer, "scale-" + run + "-" + i, UUID.randomUUID().toString(), "scale-" + run + "-" + i + "-later", target));
            }

            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            all.addAll(later);
            // the survivor takes the killed replica's partitions once the group notices it is gone (session timeout)
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> markers.countDocuments(Filters.in("_id", markerIds(all))) == all.size());

            assertThat(markers.countDocuments(Filters.and(Filters.eq("handler", HANDLER), Filters.in("eventId", all))))
                    .as("one marker per event id, whichever replica handled it").isEqualTo(90);
            assertThat(participants(target)).as("90 registrations counted; the 30 redeliveries would make 120").isEqualTo(90);
        }
    }

    static String status(ConsumerRecord<String, String> record) {
        var data = Keycloak.json(record.value()).get("data");
        return data == null || data.get("status") == null ? null : data.get("status").asString();
    }

    static List<String> markerIds(List<String> eventIds) {
        return eventIds.stream().map(id -> HANDLER + ":" + id).toList();
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A registration.confirmed as events-service publishes it (without a participant); returns its event id. */
    static String send(KafkaProducer<String, String> producer, String key, String eventId, String registrationId,
            String projectId) throws Exception {
        producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, key, """
                {"id": "%s", "type": "registration.confirmed", "version": 1, "time": "2026-11-23T10:00:00Z",
                 "data": {"registrationId": "%s", "eventId": "e", "projectId": "%s", "status": "CONFIRMED"}}
                """.formatted(eventId, registrationId, projectId))).get();
        return eventId;
    }

    static long participants(String projectId) throws Exception {
        return Keycloak.json(Api.get(Stack.GATEWAY + "/api/projects/" + projectId, integrator()).body())
                .get("participantsReached").asLong();
    }
}
