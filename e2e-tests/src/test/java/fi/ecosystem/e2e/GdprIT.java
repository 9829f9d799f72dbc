package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.PersonalData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The right to be forgotten, verified where the data really is: a person registers on a public event
 * through the gateway and is a project's contact person; the export gathers them from every service;
 * their keys are in the store only wrapped (no bytes of a key document open their sealed records) and
 * named by a keyed hash, never the plain SHA-256 of their address, on Kafka or in the store; after the
 * erasure no document in any database of the store and no record on any Kafka topic (dead letters
 * included) names them in clear, their keys are gone — and the counts still add up.
 */
@ExtendWith(Stack.class)
class GdprIT {

    static final String KEY_DATABASE = "personal-data-keys";
    static final String KEYS = "data_subject_keys";

    @Test
    void anErasedPersonIsFoundNowhereInTheStoreOrOnKafkaButTheCountsStay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "ronja." + run + "@example.org";
        String firstName = "Ronja";
        String lastName = "Rekisteri" + run;
        String integrator = MessagingIT.integrator();

        // a project with the person as its contact person, changed once so that the audit trail has them twice
        String project = projectWithContact(integrator, run, firstName + " " + lastName, email);
        String event = MessagingIT.eventIn(project, 10);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", integrator, "").statusCode()).isEqualTo(200);

        HttpResponse<String> registered = EventsIT.publicCall("POST", "/public/events/" + event + "/registrations", """
                {"email": "%s", "firstName": "%s", "lastName": "%s", "organisationName": "Rekisteri Oy", "language": "sv"}
                """.formatted(email, firstName, lastName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> MessagingIT.contactByEmail(email) != null);
        await().atMost(Duration.ofSeconds(60)).until(() -> MessagingIT.participantsReached(project) == 1);
        String contactId = MessagingIT.contactByEmail(email).get("id").asString();

        Browser admin = new Browser();
        admin.signIn("helsinki", "ville.nieminen", "demo");

        // the export holds what contacts, events and projects know of them
        HttpResponse<String> exported = admin.get(Stack.GATEWAY + "/api/contacts/" + contactId + "/gdpr-export");
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
        JsonNode export = Keycloak.json(exported.body());
        Map<String, JsonNode> sources = new HashMap<>();
        export.get("sources").forEach(source -> sources.put(source.get("service").asString(), source.get("items")));
        assertThat(sources.keySet()).containsExactlyInAnyOrder("contacts-service", "events-service", "projects-service");
        assertThat(sources.get("contacts-service").get("contact").get(0).get("lastName").asString()).isEqualTo(lastName);
        assertThat(sources.get("contacts-service").get("participations").size()).isEqualTo(1);
        assertThat(sources.get("events-service").get("registrations").get(0).get("email").asString()).isEqualTo(email);
        assertThat(sources.get("events-service").get("registrations").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(sources.get("projects-service").get("projectContacts").get(0).get("role").asString()).isEqualTo("CEO");
        assertThat(sources.get("projects-service").get("auditEntries").size()).isEqualTo(2);
        HttpResponse<String> readable = admin.get(Stack.GATEWAY + "/api/contacts/" + contactId + "/gdpr-export?format=html&lang=sv");
        assertThat(readable.body()).contains("Uppgifter som vi har om dig", lastName, "Rekisteri Oy", "Bekräftad")
                .doesNotContain(contactId, "indexedWords", "CONFIRMED", "emailHash", "contacts-service");

        int confirmedBefore = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event, integrator).body())
                .get("confirmedCount").asInt();
        assertThat(confirmedBefore).isEqualTo(1);
        // their registration travels sealed under a key id that is the keyed hash of the address, not its SHA-256
        String plainSha256 = EmailHash.legacySha256(email);
        JsonNode registration = Keycloak.json(value(onKafka(event).stream()
                .filter(record -> record.startsWith("registrations@")).findFirst().orElseThrow()));
        JsonNode sealed = registration.get("data").get(PersonalData.SEALED);
        String keyId = sealed.get("subject").asString();
        assertThat(keyId).matches("[0-9a-f]{64}").isNotEqualTo(plainSha256);
        assertThat(onKafka(keyId)).as("their events are on Kafka, sealed under the keyed id").isNotEmpty();
        assertThat(onKafka(plainSha256)).as("records carrying the plain SHA-256 of their address").isEmpty();
        assertThat(inTheStore(keyId)).as("the keyed id in the store (their key, their registration)").isNotEmpty();
        assertThat(inTheStore(plainSha256)).as("documents carrying the plain SHA-256 of their address").isEmpty();

        // the key store, read raw as a backup holds it: their keys are there, only wrapped
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            var keys = mongo.getDatabase(KEY_DATABASE).getCollection(KEYS);
            for (String id : List.of(keyId, PersonalData.contactKey(contactId))) {
                Document stored = keys.find(new Document("_id", id)).first();
                assertThat(stored).as("key " + id).isNotNull().doesNotContainKey("key")
                        .containsEntry("alg", "A256GCMKW").containsKeys("kek", "iv", "wrappedKey");
            }
            assertThat(keys.countDocuments(new Document("wrappedKey", new Document("$exists", true)))).isPositive();
            assertThat(keys.countDocuments(new Document("key", new Document("$exists", true)))).as("keys in clear").isZero();
            // no 32 bytes of their key document open their sealed registration (the services, holding the
            // KEK, did open it: contacts-service made the contact from it)
            byte[] wrapped = keys.find(new Document("_id", keyId)).first().get("wrappedKey", org.bson.types.Binary.class).getData();
            for (int at = 0; at + 32 <= wrapped.length; at++) {
                byte[] candidate = java.util.Arrays.copyOfRange(wrapped, at, at + 32);
                assertThat(opens(candidate, sealed, registration.get("id").asString())).as("bytes " + at + "… as the key").isFalse();
            }
        }
        assertThat(onKafka(email, lastName)).as("records naming them in clear, even before the erasure").isEmpty();
        assertThat(inTheStore(email, lastName)).as("the scan of the store finds them before the erasure").isNotEmpty();

        // erasure by Helsinki's admin, through the gateway with the browser session
        HttpResponse<String> erasure = admin.send("POST", Stack.GATEWAY + "/api/contacts/" + contactId + "/erasure", "");
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
        JsonNode[] state = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            state[0] = Keycloak.json(admin.get(Stack.GATEWAY + "/api/contacts/" + contactId + "/erasure").body());
            return state[0].get("complete").asBoolean();
        });
        assertThat(state[0].get("services").size()).isEqualTo(3);
        System.out.println("GdprIT: erasure across all services took " + state[0].get("tookMillis").asLong() + " ms");

        // nothing in clear anywhere; the key is gone
        List<String> inTheStore = inTheStore(email, lastName);
        assertThat(inTheStore).as("documents naming the erased person").isEmpty();
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            for (String id : List.of(keyId, plainSha256, PersonalData.contactKey(contactId))) {
                assertThat(mongo.getDatabase(KEY_DATABASE).getCollection(KEYS).countDocuments(new Document("_id", id)))
                        .as("key " + id).isZero();
            }
        }
        assertThat(onKafka(email.toLowerCase(Locale.ROOT), lastName, plainSha256)).as("Kafka records naming the erased person")
                .isEmpty();

        // the counts stay
        assertThat(Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event, integrator).body()).get("confirmedCount").asInt())
                .isEqualTo(confirmedBefore);
        assertThat(MessagingIT.participantsReached(project)).isEqualTo(1);
        JsonNode contact = Keycloak.json(Api.get(Stack.GATEWAY + "/api/contacts/" + contactId, integrator).body());
        assertThat(contact.get("anonymised").asBoolean()).isTrue();
        assertThat(contact.get("participations").size()).isEqualTo(1);
        JsonNode registrations = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations", integrator).body());
        assertThat(registrations.get("items").get(0).get("status").asString()).isEqualTo("CONFIRMED");
    }

    static String projectWithContact(String integrator, String run, String name, String email) throws Exception {
        String body = """
                {"acronym": "GDPR-%s", "name": {"fi": "Tietosuojahanke %s"}, "startDate": "2026-01-01",
                 "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo"],
                 "contacts": [{"name": "Olli Osallinen", "role": "PROJECT_SECRETARY", "email": "olli.osallinen@example.org"},
                              {"name": "%s", "role": "%s", "organisation": "Rekisteri Oy", "email": "%s"}]}
                """;
        HttpResponse<String> planned = Api.post(Stack.GATEWAY + "/api/projects", integrator,
                body.formatted(run, run, name, "PROJECT_MANAGER", email));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String id = Keycloak.json(planned.body()).get("id").asString();
        HttpResponse<String> edited = Api.put(Stack.GATEWAY + "/api/projects/" + id, integrator,
                body.formatted(run, run, name, "CEO", email));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        return id;
    }

    /** Every document of every collection of every database, as JSON, that contains one of the texts. */
    static List<String> inTheStore(String... texts) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        String json = document.toJson().toLowerCase(Locale.ROOT);
                        for (String text : texts) {
                            if (json.contains(text.toLowerCase(Locale.ROOT))) {
                                found.add(name + "." + collection + ": " + document.toJson());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every record (key, value and headers) of every topic from its beginning — dead-letter topics too — containing one of the texts. */
    static List<String> onKafka(String... texts) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        Set<String> topics;
        try (Admin admin = Admin.create(config)) {
            topics = admin.listTopics().names().get();
        }
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "gdpr-scan-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                if (!topic.startsWith("__")) { // the broker's own bookkeeping (offsets, transactions) holds no records of ours
                    consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read every topic to its end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder all = new StringBuilder();
                    all.append(text(record.key())).append('\n').append(text(record.value()));
                    for (Header header : record.headers()) {
                        all.append('\n').append(header.key()).append('=').append(text(header.value()));
                    }
                    String lower = all.toString().toLowerCase(Locale.ROOT);
                    for (String text : texts) {
                        if (lower.contains(text.toLowerCase(Locale.ROOT))) {
                            found.add(record.topic() + "@" + record.partition() + ":" + record.offset() + " " + text(record.value()));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The value of a record as {@link #onKafka} lists it. */
    static String value(String found) {
        return found.substring(found.indexOf(' ') + 1);
    }

    /** Does {@code key} open the sealed part, as anyone holding it could (AES-256-GCM, the event id authenticated)? */
    static boolean opens(byte[] key, JsonNode sealed, String eventId) {
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, java.util.Base64.getDecoder().decode(sealed.get("iv").asString())));
            cipher.updateAAD(eventId.getBytes(StandardCharsets.UTF_8));
            cipher.doFinal(java.util.Base64.getDecoder().decode(sealed.get("ciphertext").asString()));
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
