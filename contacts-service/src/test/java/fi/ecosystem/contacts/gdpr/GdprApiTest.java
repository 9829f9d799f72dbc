package fi.ecosystem.contacts.gdpr;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import fi.ecosystem.platform.testing.TopicProbe;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GDPR export gathers the person from every service with the caller's own token; erasure shreds the
 * person's keys, anonymises the contact and tells every service — only a city's admin may start it.
 * The other services are played by a small HTTP server that answers as they do.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class GdprApiTest {

    static final HttpServer OTHERS = startOthers();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    static volatile boolean othersUp = true;

    static HttpServer startOthers() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                QUERIES.add(String.valueOf(exchange.getRequestURI().getQuery()));
                String path = exchange.getRequestURI().getPath();
                String service = path.startsWith("/events") ? "events-service" : "projects-service";
                String body = path.endsWith("/api/projects/cities")
                        ? "[{\"alias\": \"kerava\", \"name\": {\"fi\": \"Kerava\", \"sv\": \"Kervo\"}}]"
                        : path.contains("/api/gdpr/people")
                        ? (service.equals("events-service")
                                ? "{\"service\": \"events-service\", \"items\": {\"registrations\": [{\"id\": \"r-1\", \"status\": \"ATTENDED\", \"event\": {\"title\": {\"fi\": \"Kasvuwebinaari\"}}}]}}"
                                : "{\"service\": \"projects-service\", \"items\": {\"projectContacts\": [{\"projectId\": \"hri\", \"role\": \"PROJECT_MANAGER\"}], \"auditEntries\": []}}")
                        : "{\"service\": \"" + service + "\", \"contactId\": \"x\", \"erasedAt\": \"2026-11-23T10:00:00Z\", \"items\": {\"registrations\": 1}}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(othersUp ? 200 : 500, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopOthers() {
        OTHERS.stop(0);
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "contacts-gdpr-test");
        String base = "http://127.0.0.1:" + OTHERS.getAddress().getPort();
        registry.add("ecosystem.gdpr.services.events-service", () -> base + "/events");
        registry.add("ecosystem.gdpr.services.projects-service", () -> base + "/projects");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    PersonalDataSeal seal;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    JsonMapper json;
    @Autowired
    EmailHash emailHash;
    @Autowired
    com.mongodb.client.MongoClient client;
    @Autowired
    fi.ecosystem.contacts.contact.ParticipationHistory history;

    @BeforeEach
    void projectKnown() {
        othersUp = true;
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "hri", "Helsinki Ring of Industry", List.of("hyvinkaa", "kerava"));
    }

    /** A registration event as events-service publishes it: the participant sealed with their key. */
    String sealedRegistration(String eventId, String registrationId, String email, String lastName) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("email", email);
        participant.put("firstName", "Veera");
        participant.put("lastName", lastName);
        participant.put("organisationName", "Salaisuus Oy");
        participant.put("language", "sv");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("registrationId", registrationId);
        data.put("eventId", "e-1");
        data.put("projectId", "hri");
        data.put("status", "CONFIRMED");
        data.put("participant", participant);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", "registration.confirmed");
        envelope.put("version", 1);
        envelope.put("time", "2026-11-20T09:00:00Z");
        envelope.put("source", "events-service");
        envelope.put("subject", registrationId);
        envelope.put("data", seal.seal(eventId, "registration.confirmed", data));
        return json.writeValueAsString(envelope);
    }

    /** A contacts event's payload as a consumer opens it with the person's key (without it, the name is gone). */
    String opened(ConsumerRecord<String, String> record) {
        Map<String, Object> envelope = json.readValue(record.value(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) envelope.get("data");
        return json.writeValueAsString(seal.open(String.valueOf(envelope.get("id")), data).data());
    }

    Contact person(String email, String lastName) {
        return person(email, lastName, "r");
    }

    /** A person made by a registration event sent on {@code key} (its partition) of the registrations topic. */
    Contact person(String email, String lastName, String key) {
        String registration = sealedRegistration(UUID.randomUUID().toString(), "r-" + UUID.randomUUID(), email, lastName);
        assertThat(registration).doesNotContain(email, lastName);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, key, registration);
        Query byEmail = new Query(Criteria.where("email").is(email));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findOne(byEmail, Contact.class) != null);
        return mongo.findOne(byEmail, Contact.class);
    }

    @Test
    void theExportGathersEveryServiceWithTheCallersTokenAndIsAudited() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Contact contact = person("veera." + run + "@example.org", "Vientinen" + run);
        AUTHORIZATIONS.clear();
        QUERIES.clear();

        mvc.perform(get("/api/contacts/" + contact.id() + "/gdpr-export").with(cityUser("kerava", "staff", "project-manager")))
                .andExpect(status().isForbidden()) // everything from every source: the admin's only
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("admin-needed"))
                .andExpect(content().string(not(containsString(contact.email()))));
        assertThat(AUTHORIZATIONS).as("a refused export asks no other service").isEmpty();
        mvc.perform(get("/api/contacts/" + contact.id() + "/gdpr-export").with(cityUser("kerava", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contactId").value(contact.id()))
                .andExpect(jsonPath("$.language").value("sv"))
                .andExpect(jsonPath("$.sources[0].service").value("contacts-service"))
                .andExpect(jsonPath("$.sources[0].items.contact[0].email").value(contact.email()))
                .andExpect(jsonPath("$.sources[0].items.contact[0].lastName").value("Vientinen" + run))
                .andExpect(jsonPath("$.sources[0].items.participations[0].projectId").value("hri"))
                .andExpect(jsonPath("$.sources[1].service").value("events-service"))
                .andExpect(jsonPath("$.sources[1].items.registrations[0].status").value("ATTENDED"))
                .andExpect(jsonPath("$.sources[2].service").value("projects-service"))
                .andExpect(jsonPath("$.sources[2].items.projectContacts[0].role").value("PROJECT_MANAGER"));
        assertThat(AUTHORIZATIONS).hasSize(2).allMatch(authorization -> authorization.startsWith("Bearer "));
        // the other services are asked by the keyed hash of the address: never the address, nor its plain SHA-256
        assertThat(QUERIES).hasSize(2).allSatisfy(query -> assertThat(query)
                .contains("emailHash=" + emailHash.of(contact.email()))
                .doesNotContain(contact.email(), EmailHash.legacySha256(contact.email())));

        mvc.perform(get("/api/contacts/" + contact.id() + "/gdpr-export").param("format", "html").param("lang", "en")
                        .with(cityUser("hyvinkaa", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("The data we hold about you")))
                .andExpect(content().string(containsString("Vientinen" + run)))
                .andExpect(content().string(containsString("Kasvuwebinaari")));
        mvc.perform(get("/api/contacts/" + contact.id() + "/gdpr-export").param("format", "html")
                        .with(cityUser("kerava", "admin")))
                .andExpect(content().string(containsString("Uppgifter som vi har om dig")))
                // in the person's own language, with the cities holding their data by name, no internals
                .andExpect(content().string(containsString("Kervo")))
                .andExpect(content().string(containsString("Deltog")))
                .andExpect(content().string(not(containsString(contact.id()))))
                .andExpect(content().string(not(containsString("ATTENDED"))));

        List<PrivacyAudit.Entry> audit = mongo.find(new Query(Criteria.where("contactId").is(contact.id())), PrivacyAudit.Entry.class);
        assertThat(audit).extracting(PrivacyAudit.Entry::action).containsOnly(PrivacyAudit.EXPORTED).hasSize(3);
        assertThat(audit.get(0).actorCities()).containsExactly("kerava");
        assertThat(audit.get(0).items()).containsEntry("events-service/registrations", 1L);
        assertThat(mongo.findAll(Document.class, "privacy_audit").toString()).doesNotContain(contact.email(), "Vientinen");
        // GDPR art. 19: the other city of the person's project is told of each export, the exporting city is not
        mvc.perform(get("/api/contacts/notices").with(cityUser("hyvinkaa", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.contactId == '" + contact.id() + "' && @.action == 'exported')].byCities[0]")
                        .value(org.hamcrest.Matchers.hasItem("kerava")));
        mvc.perform(get("/api/contacts/notices").with(cityUser("kerava", "admin")))
                .andExpect(jsonPath("$.items[?(@.contactId == '" + contact.id() + "' && @.byCities[0] == 'kerava')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.contactId == '" + contact.id() + "' && @.byCities[0] == 'hyvinkaa')]").isNotEmpty());
        mvc.perform(get("/api/contacts/notices").with(cityUser("hyvinkaa", "staff"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("admin-needed"));
        assertThat(mongo.findAll(Document.class, "privacy_notices").toString()).doesNotContain(contact.email(), "Vientinen");
    }

    @Test
    void aCitysAdminMarksItsNoticeReadOnceAndTheReadingIsAudited() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Contact contact = person("lukija." + run + "@example.org", "Lukija" + run);
        mvc.perform(get("/api/contacts/" + contact.id() + "/gdpr-export").with(cityUser("kerava", "admin")))
                .andExpect(status().isOk());
        Document notice = mongo.findOne(new Query(Criteria.where("contactId").is(contact.id()).and("city").is("hyvinkaa")),
                Document.class, "privacy_notices");
        assertThat(notice).isNotNull();
        assertThat(notice.get("readAt")).isNull();
        String read = "/api/contacts/notices/" + notice.getObjectId("_id").toHexString() + "/read";

        // not the city's notice, not an admin: as if there were none, and a coded refusal
        mvc.perform(post(read).with(cityUser("kerava", "admin"))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(read).with(cityUser("hyvinkaa", "staff", "project-manager"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("admin-needed"));
        mvc.perform(post(read).with(integrator("hyvinkaa", "contacts:write"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/contacts/notices/nothing-such/read").with(cityUser("hyvinkaa", "admin")))
                .andExpect(status().isNotFound());

        String first = mvc.perform(post(read).with(cityUser("hyvinkaa", "admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty())
                .andExpect(jsonPath("$.contactId").value(contact.id()))
                .andReturn().getResponse().getContentAsString();
        String readAt = com.jayway.jsonpath.JsonPath.read(first, "$.readAt");
        mvc.perform(post(read).with(cityUser("hyvinkaa", "staff", "admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").value(readAt));
        mvc.perform(get("/api/contacts/notices").with(cityUser("hyvinkaa", "admin")))
                .andExpect(jsonPath("$.items[?(@.contactId == '" + contact.id() + "')].readAt").value(org.hamcrest.Matchers.hasItem(readAt)));
        List<PrivacyAudit.Entry> audit = mongo.find(new Query(Criteria.where("contactId").is(contact.id())
                .and("action").is(PrivacyAudit.NOTICE_READ)), PrivacyAudit.Entry.class);
        assertThat(audit).as("read once, audited once").hasSize(1);
        assertThat(audit.get(0).actorCities()).containsExactly("hyvinkaa");
    }

    @Test
    void theExportFollowsTheAccessRuleAndSaysWhatIsWrong() throws Exception {
        Contact contact = person("rule." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Sääntö");
        String export = "/api/contacts/" + contact.id() + "/gdpr-export";
        mvc.perform(get(export)).andExpect(status().isUnauthorized());
        mvc.perform(get(export).with(cityUser("oulu", "staff", "admin"))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(export).with(cityUser("kerava", "staff"))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(export).with(integrator("kerava", "contacts:read", "projects:read"))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(export).with(integrator("kerava", "contacts:write"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/contacts/nobody/gdpr-export").with(cityUser("kerava", "admin"))).andExpect(status().isNotFound());
        mvc.perform(get(export).param("lang", "de").with(cityUser("kerava", "admin"))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(export).param("format", "pdf").with(cityUser("kerava", "admin"))).andExpect(status().isBadRequest());

        othersUp = false;
        mvc.perform(get(export).with(cityUser("kerava", "admin"))).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void onlyACitysAdminErasesAndThenNothingNamesThePersonAnyMore() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "poistettava." + run + "@example.org";
        String lastName = "Poistettava" + run;
        Contact contact = person(email, lastName);
        String hash = emailHash.of(email);
        // a key an earlier version made under the plain SHA-256 of the address, stored in clear
        String legacyId = EmailHash.legacySha256(email);
        client.getDatabase("personal-data-keys").getCollection("data_subject_keys")
                .insertOne(new Document("_id", legacyId).append("key", new org.bson.types.Binary(new byte[32])));
        assertThat(keys.existing(legacyId)).isPresent();
        // an event sealed before the erasure, still on its way to contacts-service
        String late = sealedRegistration(UUID.randomUUID().toString(), "r-late-" + run, email, lastName);
        String erasure = "/api/contacts/" + contact.id() + "/erasure";

        // the probe is there before the erasure: the person's contact.changed is on the topic, sealed, and opens to the name
        var before = TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.CONTACTS,
                record -> contact.id().equals(record.key()) && record.value().contains("contact.changed"), Duration.ofSeconds(20));
        ConsumerRecord<String, String> changed = before.get(before.size() - 1);
        assertThat(changed.value()).doesNotContain(email, lastName);
        assertThat(opened(changed)).contains(lastName);

        mvc.perform(post(erasure)).andExpect(status().isUnauthorized());
        mvc.perform(post(erasure).with(cityUser("kerava", "staff", "project-manager"))).andExpect(status().isForbidden());
        mvc.perform(post(erasure).with(integrator("kerava", "contacts:write"))).andExpect(status().isForbidden());
        mvc.perform(post(erasure).with(cityUser("oulu", "staff", "admin"))).andExpect(status().isNotFound());
        mvc.perform(get(erasure).with(cityUser("kerava", "staff"))).andExpect(status().isForbidden());

        mvc.perform(post(erasure).with(cityUser("kerava", "staff", "admin")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/contacts/" + contact.id() + "/erasure"))
                .andExpect(jsonPath("$.requestedBy").value("kerava.user"))
                .andExpect(jsonPath("$.services[0].service").value("contacts-service"));
        mvc.perform(post(erasure).with(cityUser("kerava", "staff", "admin"))).andExpect(status().isAccepted());

        assertThat(keys.existing(hash)).isEmpty();
        assertThat(keys.existing(legacyId)).isEmpty();
        assertThat(keys.existing("contact:" + contact.id())).isEmpty();
        for (Document stored : mongo.findAll(Document.class, "contacts")) {
            assertThat(stored.toJson()).doesNotContainIgnoringCase(email).doesNotContain(lastName);
        }
        Contact anonymous = mongo.findById(contact.id(), Contact.class);
        assertThat(anonymous.firstName()).isNull();
        assertThat(anonymous.anonymisedAt()).isNotNull();
        assertThat(history.of(contact.id())).as("erasure keeps the history (statistics)").hasSize(1);
        assertThat(anonymous.projectIds()).containsExactly("hri");

        var records = TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.CONTACTS,
                record -> record.value().contains("contact.erased") && record.value().contains(contact.id()), Duration.ofSeconds(20));
        assertThat(records.get(records.size() - 1).value()).contains(hash).doesNotContain(email, legacyId);
        // read up to the erasure on the contact's own key: the same contact.changed is among what was read,
        // it no longer opens to the name, and nothing read names the person in clear
        assertThat(records).anyMatch(record -> record.partition() == changed.partition() && record.offset() == changed.offset());
        assertThat(opened(changed)).doesNotContain(lastName);
        for (var record : records) {
            assertThat(record.value()).doesNotContain(email, lastName);
        }

        mvc.perform(get(erasure).with(cityUser("hyvinkaa", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.services.length()").value(3))
                .andExpect(jsonPath("$.pending.length()").value(0));

        // the late event cannot be opened any more: it neither brings the person back nor goes to the dead letters
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-late", late);
        person("next." + run + "@example.org", "Seuraava", "r-late"); // the same key: read after the late one
        assertThat(mongo.exists(new Query(Criteria.where("email").is(email)), Contact.class)).isFalse();
        // a poison message behind the late one on its partition: once it is parked, the late one was dealt with;
        // the dead letters read up to it hold the poison (the read sees parked messages) and not the late event
        String poison = "{not an envelope " + run;
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-late", poison);
        var parked = TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.deadLetter(Topics.REGISTRATIONS),
                record -> poison.equals(record.value()), Duration.ofSeconds(30));
        assertThat(parked).noneMatch(record -> record.value().contains("r-late-" + run));
        // the other city of the project is told once (the second request changed nothing), the erasing city not at all
        List<Document> told = mongo.find(new Query(Criteria.where("contactId").is(contact.id()).and("action").is("erased")),
                Document.class, "privacy_notices");
        assertThat(told).extracting(notice -> notice.getString("city")).containsExactly("hyvinkaa");
        mvc.perform(get("/api/contacts/" + contact.id()).with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.anonymised").value(true))
                .andExpect(content().string(not(containsString(lastName))));
    }
}
