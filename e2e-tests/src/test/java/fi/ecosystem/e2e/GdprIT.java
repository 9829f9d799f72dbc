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
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The right to be forgotten, verified where the data really is. One person is linked by every path the platform
 * has: entered by staff (with a phone), a project's contact person, registered on a public event by themself, by an
 * organiser (a phone among the answers) and from an organiser's CSV file. Before the erasure every probe of them
 * — first name, last name, e-mail, phone — is found in each place that holds it: the store (each service's
 * database, read raw with the driver), Kafka (their sealed records, opened with their keys unwrapped by the
 * platform's local KEK) and the mail relay (the mails they were sent). After an admin erases them, no document of
 * any collection of any database, no record of any topic (dead-letter topics included, read from the beginning to
 * the end offsets taken first) and no mail the relay holds names them; their keys are gone, so their sealed
 * records, still on Kafka, open for nobody — and the counts still add up.
 */
@ExtendWith(Stack.class)
class GdprIT {

    static final String KEY_DATABASE = "personal-data-keys";
    static final String KEYS = "data_subject_keys";
    /** The local stack's KEK and e-mail hash key (deploy/local Services; they decode to "local-only-…"). */
    static final String LOCAL_KEK = "bG9jYWwtb25seS1wZXJzb25hbC1kYXRhLWtlay0zMmI=";
    static final String LOCAL_HASH_KEY = "bG9jYWwtb25seS1lLW1haWwtaGFzaC1rZXktMzJieXQ=";

    @Test
    void anErasedPersonIsFoundNowhereInTheStoreOnKafkaOrInTheMailRelayButTheCountsStay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String firstName = "Ronja" + letters(run.substring(0, 4));
        String lastName = "Rekisteri" + letters(run.substring(4));
        String email = "ronja." + run + "@example.org";
        String phoneDigits = "40" + String.format("%07d", new java.util.Random().nextInt(10_000_000));
        String phoneTyped = "0" + phoneDigits;
        List<String> probes = List.of(firstName, lastName, email, phoneDigits);
        String integrator = MessagingIT.integrator();

        // a project (its contact persons: someone else for now), and three events of it, one with a phone question
        String project = projectWithContacts(integrator, run, null);
        String selfRegistered = MessagingIT.eventIn(project, 10);
        String byOrganiser = eventWithPhoneQuestion(integrator, project);
        String imported = eventWithPhoneQuestion(integrator, project);
        for (String event : List.of(selfRegistered, byOrganiser, imported)) {
            assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", integrator, "").statusCode()).isEqualTo(200);
        }

        // 1. staff enter the person, with a phone, on the project
        String contactId = enteredByStaff(integrator, project, firstName, lastName, email, phoneTyped);
        // 2. the project names them as its contact person (and is edited again, so the audit trail has them twice)
        HttpResponse<String> named = Api.put(Stack.GATEWAY + "/api/projects/" + project, integrator,
                projectBody(run, firstName + " " + lastName, "PROJECT_MANAGER", email));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        HttpResponse<String> renamed = Api.put(Stack.GATEWAY + "/api/projects/" + project, integrator,
                projectBody(run, firstName + " " + lastName, "CEO", email));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        // 3. they register themselves on the public event
        HttpResponse<String> registered = EventsIT.publicCall("POST", "/public/events/" + selfRegistered + "/registrations", """
                {"email": "%s", "firstName": "%s", "lastName": "%s", "organisationName": "Rekisteri Oy", "language": "sv"}
                """.formatted(email, firstName, lastName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        // 4. an organiser registers them, their phone among the answers
        HttpResponse<String> byHand = Api.post(Stack.GATEWAY + "/api/events/" + byOrganiser + "/registrations", integrator, """
                {"email": "%s", "firstName": "%s", "lastName": "%s", "organisationName": "Rekisteri Oy", "answers": {"phone": "%s"}}
                """.formatted(email, firstName, lastName, phoneTyped));
        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(201);
        // 5. an organiser's CSV file registers them too
        HttpResponse<String> csv = importCsv(integrator, imported, "sähköposti;etunimi;sukunimi;organisaatio;phone\n"
                + email + ";" + firstName + ";" + lastName + ";Rekisteri Oy;" + phoneTyped + "\n");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(Keycloak.json(csv.body()).get("created").asInt()).as(csv.body()).isEqualTo(1);

        // one person with all of it: a role in the project and three participations, as contacts-service learnt over Kafka
        JsonNode[] contact = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            contact[0] = Keycloak.json(Api.get(Stack.GATEWAY + "/api/contacts/" + contactId, integrator).body());
            return contact[0].get("participations").size() == 3 && contact[0].get("roles").toString().contains("CEO");
        });
        assertThat(contact[0].get("phone").asString()).isEqualTo("+358" + phoneDigits);
        await().atMost(Duration.ofSeconds(60)).until(() -> MessagingIT.participantsReached(project) >= 3);
        long reachedBefore = MessagingIT.participantsReached(project);
        // each registration mailed them (mails go out after the change is on Kafka)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> EventsIT.mailsTo(email).size() >= 3);

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
        assertThat(sources.get("contacts-service").get("participations").size()).isEqualTo(3);
        assertThat(sources.get("events-service").get("registrations").size()).isEqualTo(3);
        assertThat(sources.get("events-service").get("registrations").get(0).get("email").asString()).isEqualTo(email);
        assertThat(sources.get("projects-service").get("projectContacts").get(0).get("role").asString()).isEqualTo("CEO");
        assertThat(sources.get("projects-service").get("auditEntries").size()).isEqualTo(2);
        HttpResponse<String> readable = admin.get(Stack.GATEWAY + "/api/contacts/" + contactId + "/gdpr-export?format=html&lang=sv");
        assertThat(readable.body()).contains("Uppgifter som vi har om dig", lastName, "Rekisteri Oy", "Bekräftad")
                .doesNotContain(contactId, "indexedWords", "CONFIRMED", "emailHash", "contacts-service");

        Map<String, Integer> confirmedBefore = new HashMap<>();
        for (String event : List.of(selfRegistered, byOrganiser, imported)) {
            confirmedBefore.put(event, Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event, integrator).body())
                    .get("confirmedCount").asInt());
            assertThat(confirmedBefore.get(event)).isEqualTo(1);
        }

        // their key ids: the keyed hash of the address (registrations, project contacts) and their contact record
        String keyId = EmailHash.fromBase64(LOCAL_HASH_KEY).of(email);
        String plainSha256 = EmailHash.legacySha256(email);
        List<String> keyIds = List.of(keyId, PersonalData.contactKey(contactId));
        JsonNode registration = Keycloak.json(value(onKafka(selfRegistered).stream()
                .filter(record -> record.startsWith("registrations@")).findFirst().orElseThrow()));
        JsonNode sealed = registration.get("data").get(PersonalData.SEALED);
        assertThat(sealed.get("subject").asString()).isEqualTo(keyId).isNotEqualTo(plainSha256);
        assertThat(onKafka(plainSha256)).as("records carrying the plain SHA-256 of their address").isEmpty();
        assertThat(inTheStore(plainSha256)).as("documents carrying the plain SHA-256 of their address").isEmpty();

        // the key store, read raw as a backup holds it: their keys are there, only wrapped
        Map<String, byte[]> keys = new HashMap<>();
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            var stored = mongo.getDatabase(KEY_DATABASE).getCollection(KEYS);
            for (String id : keyIds) {
                Document key = stored.find(new Document("_id", id)).first();
                assertThat(key).as("key " + id).isNotNull().doesNotContainKey("key")
                        .containsEntry("alg", "A256GCMKW").containsKeys("kek", "iv", "wrappedKey");
                keys.put(id, unwrap(id, key));
            }
            assertThat(stored.countDocuments(new Document("key", new Document("$exists", true)))).as("keys in clear").isZero();
            // no 32 bytes of their key document open their sealed registration: only the KEK does
            byte[] wrapped = stored.find(new Document("_id", keyId)).first().get("wrappedKey", Binary.class).getData();
            for (int at = 0; at + 32 <= wrapped.length; at++) {
                byte[] candidate = java.util.Arrays.copyOfRange(wrapped, at, at + 32);
                assertThat(opens(candidate, sealed, registration.get("id").asString())).as("bytes " + at + "… as the key").isFalse();
            }
        }

        // BEFORE: each probe where it is held
        // the store: every service's database holds what it was given
        Map<String, List<String>> held = Map.of(
                "contacts", probes,
                "events", probes,
                "projects", List.of(firstName, lastName, email));
        held.forEach((database, expected) -> expected.forEach(probe ->
                assertThat(inDatabase(database, probe)).as(probe + " in the database " + database + " before the erasure").isNotEmpty()));
        // Kafka: never in clear, but their sealed records open with their keys to name them
        assertThat(onKafka(probes.toArray(String[]::new))).as("Kafka records naming them in clear, even before the erasure").isEmpty();
        Sealed onKafka = sealedOnKafka(keyIds, keys);
        assertThat(onKafka.records()).as("records sealed under their keys").isGreaterThanOrEqualTo(5);
        assertThat(String.join("\n", onKafka.opened()).toLowerCase(Locale.ROOT)).as("their sealed records, opened")
                .contains(firstName.toLowerCase(Locale.ROOT), lastName.toLowerCase(Locale.ROOT), email);
        // (no event carries a phone: the phone is in the store only, checked there)
        // the mail relay: the mails to them, greeting them by first name
        assertThat(mailsNaming(email)).as("mails to them").hasSizeGreaterThanOrEqualTo(3);
        assertThat(mailsNaming(firstName)).as("mails naming them").hasSizeGreaterThanOrEqualTo(3);

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

        // AFTER: nowhere
        assertThat(inTheStore(probes.toArray(String[]::new))).as("documents naming the erased person").isEmpty();
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            for (String id : List.of(keyId, plainSha256, PersonalData.contactKey(contactId))) {
                assertThat(mongo.getDatabase(KEY_DATABASE).getCollection(KEYS).countDocuments(new Document("_id", id)))
                        .as("key " + id).isZero();
            }
        }
        List<String> lower = probes.stream().map(probe -> probe.toLowerCase(Locale.ROOT)).toList();
        List<String> afterwards = new ArrayList<>(lower);
        afterwards.add(plainSha256);
        assertThat(onKafka(afterwards.toArray(String[]::new))).as("Kafka records naming the erased person").isEmpty();
        Sealed stillOnKafka = sealedOnKafka(keyIds, Map.of());
        assertThat(stillOnKafka.records()).as("their sealed records are still retained").isGreaterThanOrEqualTo(onKafka.records());
        assertThat(stillOnKafka.opened()).as("…and open for nobody: their keys are gone").isEmpty();
        // the relay drops their mail once it reads the erasure from the contacts topic
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(mailsNaming(probes.toArray(String[]::new))).as("mails naming the erased person").isEmpty());

        // the counts stay
        for (String event : List.of(selfRegistered, byOrganiser, imported)) {
            assertThat(Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event, integrator).body()).get("confirmedCount").asInt())
                    .isEqualTo(confirmedBefore.get(event));
            JsonNode registrations = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations", integrator).body());
            assertThat(registrations.get("items").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        }
        assertThat(MessagingIT.participantsReached(project)).isEqualTo(reachedBefore);
        JsonNode erased = Keycloak.json(Api.get(Stack.GATEWAY + "/api/contacts/" + contactId, integrator).body());
        assertThat(erased.get("anonymised").asBoolean()).isTrue();
        assertThat(erased.get("participations").size()).isEqualTo(3);
    }

    /** A project of Helsinki and Espoo; its contact persons are someone else and, when given, the person. */
    static String projectWithContacts(String integrator, String run, String name) throws Exception {
        HttpResponse<String> planned = Api.post(Stack.GATEWAY + "/api/projects", integrator, projectBody(run, name, null, null));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        return Keycloak.json(planned.body()).get("id").asString();
    }

    static String projectBody(String run, String name, String role, String email) {
        String person = name == null ? "" : """
                , {"name": "%s", "role": "%s", "organisation": "Rekisteri Oy", "email": "%s"}""".formatted(name, role, email);
        return """
                {"acronym": "GDPR-%s", "name": {"fi": "Tietosuojahanke %s"}, "startDate": "2026-01-01",
                 "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo"],
                 "contacts": [{"name": "Olli Osallinen", "role": "PROJECT_SECRETARY", "email": "olli.osallinen@example.org"}%s]}
                """.formatted(run, run, person);
    }

    /** A published-to-be event of the project that asks for a phone (a text question, id {@code phone}). */
    static String eventWithPhoneQuestion(String integrator, String project) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", integrator, """
                    {"projectId": "%s", "type": "SEMINAR", "title": {"fi": "Tietosuojaseminaari"}, "capacity": 10,
                     "startsAt": "2027-03-01T08:00:00Z", "endsAt": "2027-03-01T10:00:00Z",
                     "questions": [{"id": "phone", "kind": "TEXT", "label": {"fi": "Puhelin"}, "required": false}]}
                    """.formatted(project));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // the project has not reached events yet
            return false;
        });
        return id[0];
    }

    /** Staff (Helsinki's integrator with contacts:write) enter the person on the project; their id. */
    static String enteredByStaff(String integrator, String project, String firstName, String lastName, String email, String phone) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> entered = Api.post(Stack.GATEWAY + "/api/contacts", integrator, """
                    {"firstName": "%s", "lastName": "%s", "email": "%s", "phone": "%s", "title": "Toimitusjohtaja",
                     "organisationName": "Rekisteri Oy", "language": "fi", "projectIds": ["%s"]}
                    """.formatted(firstName, lastName, email, phone, project));
            if (entered.statusCode() == 201) {
                id[0] = Keycloak.json(entered.body()).get("id").asString();
                return true;
            }
            // until the project has reached contacts-service over Kafka, it is not one of the caller's projects
            assertThat(entered.statusCode()).as(entered.body()).isIn(400, 403, 404, 422);
            return false;
        });
        return id[0];
    }

    static HttpResponse<String> importCsv(String integrator, String event, String csv) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Stack.GATEWAY + "/api/events/" + event + "/registrations/import"))
                .header("Authorization", "Bearer " + integrator).header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofSeconds(30)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every document of every collection of one database, as JSON, that contains one of the texts. */
    static List<String> inDatabase(String database, String... texts) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            scan(mongo.getDatabase(database), texts, found);
        }
        return found;
    }

    /** Every document of every collection of every database, as JSON, that contains one of the texts. */
    static List<String> inTheStore(String... texts) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            for (String name : mongo.listDatabaseNames()) {
                scan(mongo.getDatabase(name), texts, found);
            }
        }
        return found;
    }

    private static void scan(MongoDatabase database, String[] texts, List<String> found) {
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                String json = document.toJson().toLowerCase(Locale.ROOT);
                for (String text : texts) {
                    if (json.contains(text.toLowerCase(Locale.ROOT))) {
                        found.add(database.getName() + "." + collection + ": " + document.toJson());
                    }
                }
            }
        }
    }

    /** The mails the relay holds (every mailbox: the stack console reads GreenMail) whose headers, text or source contain a text. */
    static List<String> mailsNaming(String... texts) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<String> found = new ArrayList<>();
        for (JsonNode mail : Keycloak.json(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Stack.CONSOLE + "/mail"))
                .build(), HttpResponse.BodyHandlers.ofString()).body())) {
            // the decoded text and headers, and the raw source (attachments included)
            String source = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Stack.CONSOLE + "/mail/"
                    + mail.get("id").asString() + ".eml")).build(), HttpResponse.BodyHandlers.ofString()).body();
            String all = (mail + "\n" + source).toLowerCase(Locale.ROOT);
            for (String text : texts) {
                if (all.contains(text.toLowerCase(Locale.ROOT))) {
                    found.add(mail.get("id").asString() + " " + mail.get("to") + " " + mail.get("subject"));
                    break;
                }
            }
        }
        return found;
    }

    /** How many records carry a part sealed under one of the key ids, and what those parts open to with the keys given. */
    record Sealed(int records, List<String> opened) {
    }

    static Sealed sealedOnKafka(List<String> keyIds, Map<String, byte[]> keys) throws Exception {
        int[] records = {0};
        List<String> opened = new ArrayList<>();
        readEveryTopic(record -> {
            JsonNode value;
            try {
                value = Keycloak.json(text(record.value()));
            } catch (RuntimeException notJson) {
                return;
            }
            if (value == null || !value.has("id")) {
                return;
            }
            List<JsonNode> parts = new ArrayList<>();
            value.findValues(PersonalData.SEALED).forEach(parts::add);
            boolean theirs = false;
            for (JsonNode part : parts) {
                String subject = part.path("subject").asString("");
                if (keyIds.contains(subject)) {
                    theirs = true;
                    byte[] key = keys.get(subject);
                    if (key != null) {
                        opened.add(open(key, part, value.get("id").asString()));
                    }
                }
            }
            if (theirs) {
                records[0]++;
            }
        });
        return new Sealed(records[0], opened);
    }

    /** A data subject's key, unwrapped with the local KEK as every service does (AES-256-GCM, the key id authenticated). */
    static byte[] unwrap(String keyId, Document stored) throws Exception {
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(LOCAL_KEK), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, stored.get("iv", Binary.class).getData()));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(stored.get("wrappedKey", Binary.class).getData());
    }

    private static String open(byte[] key, JsonNode sealed, String eventId) {
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, java.util.Base64.getDecoder().decode(sealed.get("iv").asString())));
            cipher.updateAAD(eventId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(java.util.Base64.getDecoder().decode(sealed.get("ciphertext").asString())), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("Their key does not open a part sealed under it", e);
        }
    }

    /** Hex digits as letters (0 → a … f → p), so that a name probe is a name. */
    static String letters(String hex) {
        StringBuilder name = new StringBuilder();
        for (char c : hex.toCharArray()) {
            name.append((char) ('a' + Character.digit(c, 16)));
        }
        return name.toString();
    }

    /** Every record (key, value and headers) of every topic from its beginning — dead-letter topics too — containing one of the texts. */
    static List<String> onKafka(String... texts) throws Exception {
        List<String> found = new ArrayList<>();
        readEveryTopic(record -> {
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
        });
        return found;
    }

    /**
     * Hands every record of every topic (the broker's own bookkeeping aside) to {@code each}, with a consumer of its
     * own group reading each partition from its beginning up to the end offset fetched before reading: an empty read
     * cannot pass for a read of everything.
     */
    static void readEveryTopic(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        Set<String> topics;
        try (Admin admin = Admin.create(config)) {
            topics = admin.listTopics().names().get();
        }
        assertThat(topics).as("the platform's topics and their dead-letter twins")
                .contains("registrations", "registrations.dlt", "contacts", "contacts.dlt", "projects", "projects.dlt");
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
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read every topic to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
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
