package fi.ecosystem.events.gdpr;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's registrations for contacts-service's GDPR export, under the access rule; the registration
 * events carry them sealed, and once the person is erased neither the store nor the retained events name them.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "spring.mail.port=1"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class PersonalDataInEventsTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "events-gdpr-test");
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

    @BeforeEach
    void projects() {
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "growth", "Kasvun ekosysteemit", List.of("helsinki", "espoo"));
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "north", "Pohjoinen", List.of("oulu"));
    }

    String eventWithRegistration(String project, String city, String email) throws Exception {
        var organiser = cityUser(city, "staff", "event-organiser");
        String body = mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId": "%s", "type": "SEMINAR", "title": {"fi": "Seminaari"}, "capacity": 10,
                         "startsAt": "2027-03-01T08:00:00Z", "endsAt": "2027-03-01T12:00:00Z"}
                        """.formatted(project)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String event = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"firstName\": \"Saara\", \"lastName\": \"Salassapito\", \"language\": \"fi\"}"))
                .andExpect(status().isCreated());
        return event;
    }

    @Test
    void theExportForThePersonGivesEveryRegistrationOfTheirsToACitysAdminOnly() throws Exception {
        String email = "saara." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String hash = emailHash.of(email);
        String helsinkiEvent = eventWithRegistration("growth", "helsinki", email);
        String ouluEvent = eventWithRegistration("north", "oulu", email.toUpperCase());
        long exportsBefore = mongo.getCollection("privacy_audit").countDocuments(new Document("action", "exported"));

        // made for the person: everything they gave, whichever city's event (contacts-service checked that the admin's
        // city sees them before it handed out the keyed hash)
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).param("contactId", "c-1")
                        .with(cityUser("espoo", "staff", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service").value("events-service"))
                .andExpect(jsonPath("$.items.registrations.length()").value(2))
                .andExpect(jsonPath("$.items.registrations[0].email").value(email))
                .andExpect(jsonPath("$.items.registrations[0].lastName").value("Salassapito"))
                .andExpect(jsonPath("$.items.registrations[0].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.items.registrations[0].event.id").value(helsinkiEvent))
                .andExpect(jsonPath("$.items.registrations[0].event.title.fi").value("Seminaari"))
                // what the session ids and answers mean, for the person's readable document
                .andExpect(jsonPath("$.items.registrations[0].event.sessions[0].startsAt").exists())
                .andExpect(jsonPath("$.items.registrations[0].event.questions").isArray())
                .andExpect(jsonPath("$.items.registrations[1].event.id").value(ouluEvent))
                .andExpect(jsonPath("$.items.registrations[0].privateToken").doesNotExist())
                .andExpect(jsonPath("$.items.registrations[0].pendingEvents").doesNotExist());
        Document audited = mongo.getCollection("privacy_audit").find(new Document("contactId", "c-1")).first();
        assertThat(audited).isNotNull();
        assertThat(audited.getString("action")).isEqualTo("exported");
        assertThat(audited.get("actorCities").toString()).contains("espoo");
        assertThat(audited.get("items", Document.class).get("registrations")).isEqualTo(2L);

        // staff of the very cities whose events they are, and integrators, get a coded refusal and nothing of the person
        for (var caller : List.of(cityUser("helsinki", "staff", "event-organiser"), cityUser("oulu", "staff", "project-manager"),
                integrator("helsinki", "contacts:write"))) {
            mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(caller))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("admin-needed"))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Salassapito"))));
        }
        assertThat(mongo.getCollection("privacy_audit").countDocuments(new Document("action", "exported")))
                .as("the admin's export is audited, the refusals gave nothing out").isEqualTo(exportsBefore + 1);
    }

    @Test
    void theExportRefusesStrangersAndBadInputWithProblems() throws Exception {
        String hash = emailHash.of("x@example.org");
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(integrator("helsinki", "events:read", "contacts:read")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/gdpr/people").param("emailHash", "x@example.org").with(cityUser("helsinki", "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("emailHash"));
        mvc.perform(get("/api/gdpr/people").with(cityUser("helsinki", "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/gdpr/erasures/nobody").with(cityUser("helsinki", "admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/gdpr/erasures/nobody").with(cityUser("helsinki", "staff"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("admin-needed"));
    }

    @Test
    void registrationEventsAreSealedAndUnreadableOnceThePersonIsErased() throws Exception {
        String email = "pyyhittava." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String hash = emailHash.of(email);
        eventWithRegistration("growth", "helsinki", email);

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> record.value().contains(hash), Duration.ofSeconds(20));
        ConsumerRecord<String, String> theirs = records.get(records.size() - 1);
        assertThat(theirs.value()).doesNotContain(email, "Salassapito", EmailHash.legacySha256(email)).contains("\"sealed\"");
        Map<String, Object> envelope = json.readValue(theirs.value(), new TypeReference<Map<String, Object>>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) envelope.get("data");
        String eventId = (String) envelope.get("id");
        assertThat(seal.open(eventId, data).data().toString()).contains(email, "Salassapito");

        String contactId = "c-" + UUID.randomUUID();
        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, contactId, """
                {"id": "%s", "type": "contact.erased", "version": 2, "data": {"contactId": "%s", "emailHash": "%s"}}
                """.formatted(UUID.randomUUID(), contactId, hash));

        await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get("/api/gdpr/erasures/" + contactId)
                .with(cityUser("helsinki", "admin"))).andReturn().getResponse().getStatus() == 200);
        mvc.perform(get("/api/gdpr/erasures/" + contactId).with(cityUser("helsinki", "admin")))
                .andExpect(jsonPath("$.service").value("events-service"))
                .andExpect(jsonPath("$.items.registrations").value(1));
        assertThat(keys.existing(hash)).isEmpty();
        PersonalDataSeal.Opened opened = seal.open(eventId, data);
        assertThat(opened.erased()).isTrue();
        assertThat(opened.data().toString()).doesNotContain(email, "Salassapito");
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(cityUser("helsinki", "admin")))
                .andExpect(jsonPath("$.items.registrations.length()").value(0));
    }
}
