package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole path gateway → service → store → Kafka → other services, with the real broker: exactly-once
 * effects under redelivery and poison messages parked on the dead-letter topic, each test on a project of its own
 * (other classes run beside it). The outbox holding events while Kafka is down: {@link KafkaOutageIT}.
 */
@ExtendWith(Stack.class)
class MessagingIT {

    /** Helsinki's flagship without demo events: the demo data registering people elsewhere cannot move its counts. */
    static final String PROJECT = "health-capital-helsinki";
    private static String integrator;
    private static long integratorFetchedAt;

    /** Helsinki's integrator token, fetched again before it nears its 5-minute lifetime. */
    static synchronized String integrator() throws Exception {
        if (integrator == null || System.currentTimeMillis() - integratorFetchedAt > 120_000) {
            integrator = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
            integratorFetchedAt = System.currentTimeMillis();
        }
        return integrator;
    }

    static long participantsReached(String projectId) throws Exception {
        HttpResponse<String> project = Api.get(Stack.GATEWAY + "/api/projects/" + projectId, integrator());
        assertThat(project.statusCode()).as(project.body()).isEqualTo(200);
        return Keycloak.json(project.body()).get("participantsReached").asLong();
    }

    /**
     * An active project of Helsinki's for one test alone: a count on it (participants reached) moves only with that
     * test's registrations while other classes run beside it (junit-platform.properties), which a shared demo project's
     * does not.
     */
    static String ownProject(String name) throws Exception {
        HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/projects", integrator(), """
                {"acronym": "E2E", "name": {"fi": "%s"}, "startDate": "2026-11-01",
                 "leadCity": "helsinki", "participatingCities": ["helsinki"]}
                """.formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Keycloak.json(created.body()).get("id").asString();
        HttpResponse<String> activated = Api.put(Stack.GATEWAY + "/api/projects/" + id + "/status", integrator(), "{\"status\": \"ACTIVE\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return id;
    }

    /** An event in the project; events-service accepts it once the project has reached it over Kafka. */
    static String eventIn(String projectId, int capacity) {
        return eventIn("""
                {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Kasvuwebinaari", "en": "Growth webinar"},
                 "capacity": %d, "startsAt": "2027-02-01T08:00:00Z", "endsAt": "2027-02-01T10:00:00Z"}
                """.formatted(projectId, capacity));
    }

    /** An event as the JSON says (its project given there), made once the project has reached events-service. */
    static String eventIn(String json) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", integrator(), json);
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // read model not there yet
            return false;
        });
        return id[0];
    }

    static List<Document> pendingEvents(MongoClient mongo, String projectId) {
        Document stored = mongo.getDatabase("projects").getCollection("projects").find(new Document("_id", projectId)).first();
        assertThat(stored).isNotNull();
        return stored.getList("pendingEvents", Document.class, List.of());
    }

    static String register(String eventId, String email) throws Exception {
        HttpResponse<String> registered = Api.post(Stack.GATEWAY + "/api/events/" + eventId + "/registrations", integrator(),
                "{\"email\": \"" + email + "\", \"firstName\": \"Kalle\", \"lastName\": \"Kokeilija\", \"organisationName\": \"Koe Oy\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return Keycloak.json(registered.body()).get("id").asString();
    }

    /** The whole person (list rows are summaries without the participation history). */
    static JsonNode contactByEmail(String email) throws Exception {
        HttpResponse<String> contacts = Api.get(Stack.GATEWAY + "/api/contacts?size=200", integrator());
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
        for (JsonNode contact : Keycloak.json(contacts.body()).get("items")) {
            if (email.equals(contact.get("email").asString())) {
                return Keycloak.json(Api.get(Stack.GATEWAY + "/api/contacts/" + contact.get("id").asString(), integrator()).body());
            }
        }
        return null;
    }

    @Test
    void aRegistrationReachesContactsAndProjectsAndIsHandledOnceEvenWhenDeliveredAgain() throws Exception {
        String project = ownProject("Uudelleentoimitukset");
        String event = eventIn(project, 50);
        long before = participantsReached(project);
        String email = "kalle.kokeilija." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        String registration = register(event, email);

        await().atMost(Duration.ofSeconds(30)).until(() -> participantsReached(project) == before + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactByEmail(email) != null);
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(Stack.KAFKA, Topics.REGISTRATIONS,
                record -> registration.equals(record.key()), Duration.ofSeconds(30));
        ConsumerRecord<String, String> published = records.get(records.size() - 1);
        String eventId = Keycloak.json(published.value()).get("id").asString();
        assertThat(partitionOf(registration)).as("the producer's partitioner, computed here").isEqualTo(published.partition());

        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            MongoCollection<Document> projectsInbox = mongo.getDatabase("projects").getCollection("processed_events");
            MongoCollection<Document> contactsInbox = mongo.getDatabase("contacts").getCollection("processed_events");
            await().atMost(Duration.ofSeconds(30)).until(() -> projectsInbox.countDocuments(marker("participants-reached", eventId)) == 1
                    && contactsInbox.countDocuments(marker("participation-history", eventId)) == 1);

            // delivered again, twice, under its event id but with another registration id: the models' own guards (one
            // count and one history line per registration id) cannot absorb these, only the inboxes' markers can
            ObjectNode again = (ObjectNode) Keycloak.json(published.value());
            ((ObjectNode) again.get("data")).put("registrationId", registration + "-again");
            TopicProbe.send(Stack.KAFKA, Topics.REGISTRATIONS, published.key(), Keycloak.JSON.writeValueAsString(again));
            TopicProbe.send(Stack.KAFKA, Topics.REGISTRATIONS, published.key(), Keycloak.JSON.writeValueAsString(again));

            // then a registration on the same partition (the topic has three): once both services marked it handled,
            // the redeliveries before it were consumed
            int registered = 1;
            String later;
            do {
                assertThat(registered).as("a registration on partition " + published.partition()).isLessThan(20);
                later = register(event, "myohempi." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
                registered++;
            } while (partitionOf(later) != published.partition());
            String laterKey = later;
            List<ConsumerRecord<String, String>> laterRecords = TopicProbe.awaitRecord(Stack.KAFKA, Topics.REGISTRATIONS,
                    record -> laterKey.equals(record.key()), Duration.ofSeconds(30));
            ConsumerRecord<String, String> laterRecord = laterRecords.get(laterRecords.size() - 1);
            assertThat(laterRecord.partition()).isEqualTo(published.partition());
            String laterEventId = Keycloak.json(laterRecord.value()).get("id").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> projectsInbox.countDocuments(marker("participants-reached", laterEventId)) == 1
                    && contactsInbox.countDocuments(marker("participation-history", laterEventId)) == 1);

            long expected = before + registered;
            await().atMost(Duration.ofSeconds(60)).until(() -> participantsReached(project) >= expected);
            assertThat(participantsReached(project)).as("each registration once; a redelivery let through would add one")
                    .isEqualTo(expected);
            assertThat(projectsInbox.countDocuments(Filters.eq("eventId", eventId))).isEqualTo(1);
            assertThat(contactsInbox.countDocuments(Filters.eq("eventId", eventId))).isEqualTo(1);
        }
        JsonNode contact = contactByEmail(email);
        assertThat(contact.get("participations")).hasSize(1);
        assertThat(contact.get("participations").get(0).get("registrationId").asString()).isEqualTo(registration);
    }

    static Bson marker(String handler, String eventId) {
        return Filters.eq("_id", handler + ":" + eventId);
    }

    /** The partition the producers' default partitioner puts a key on (murmur2 of the key, as Kafka's clients do). */
    static int partitionOf(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            int partitions = consumer.partitionsFor(Topics.REGISTRATIONS).size();
            return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        }
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterTopicAndConsumersCarryOn() throws Exception {
        String project = ownProject("Myrkkyviesti");
        String event = eventIn(project, 50);
        String key = "poison-" + UUID.randomUUID();
        long before = participantsReached(project);

        TopicProbe.send(Stack.KAFKA, Topics.REGISTRATIONS, key, "{\"id\": 42, this is not an envelope");
        register(event, "after.poison." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");

        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecord(Stack.KAFKA,
                Topics.deadLetter(Topics.REGISTRATIONS), record -> key.equals(record.key()), Duration.ofSeconds(60));
        assertThat(parked.get(parked.size() - 1).value()).isEqualTo("{\"id\": 42, this is not an envelope");
        await().atMost(Duration.ofSeconds(30)).until(() -> participantsReached(project) == before + 1);
    }
}
