package fi.ecosystem.projects.gdpr;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
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

/** A project contact person in the GDPR export, and gone from projects and their audit trail once erased. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class ProjectContactErasureTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "projects-gdpr-test");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    EmailHash emailHash;

    static String body(String acronym, String city, String email, String role) {
        return body(acronym, city, email, role, "Pirjo Poistuva");
    }

    static String body(String acronym, String city, String email, String role, String name) {
        return """
                {"acronym": "%s", "name": {"fi": "Hanke %s"}, "startDate": "2025-01-01", "leadCity": "%s",
                 "participatingCities": ["%s"],
                 "contacts": [{"name": "Olli Osallinen", "role": "PROJECT_SECRETARY", "email": "olli@example.org"},
                              {"name": "%s", "role": "%s", "organisation": "Koe Oy", "email": "%s"}]}
                """.formatted(acronym, acronym, city, city, name, role, email);
    }

    String plan(String acronym, String city, String email) throws Exception {
        return plan(acronym, city, email, "Pirjo Poistuva");
    }

    String plan(String acronym, String city, String email, String name) throws Exception {
        String created = mvc.perform(post("/api/projects").with(cityUser(city, "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(acronym, city, email, "PROJECT_MANAGER", name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    @Test
    void theExportForThePersonShowsTheirRolesAndAuditLinesInEveryProjectToACitysAdminOnly() throws Exception {
        String email = "pirjo." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String hash = emailHash.of(email);
        String helsinki = plan("HKI", "helsinki", email);
        mvc.perform(put("/api/projects/" + helsinki).with(cityUser("helsinki", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("HKI", "helsinki", email, "CEO")))
                .andExpect(status().isOk());
        String oulu = plan("OULU", "oulu", email);

        // made for the person: every project's list that names them, whichever city's (contacts-service checked that
        // the admin's city sees the person before it handed out the keyed hash)
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).param("contactId", "c-pirjo")
                        .with(cityUser("helsinki", "staff", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service").value("projects-service"))
                .andExpect(jsonPath("$.items.projectContacts.length()").value(2))
                .andExpect(jsonPath("$.items.projectContacts[0].projectId").value(helsinki))
                .andExpect(jsonPath("$.items.projectContacts[0].role").value("CEO"))
                .andExpect(jsonPath("$.items.projectContacts[0].email").value(email))
                .andExpect(jsonPath("$.items.projectContacts[1].projectId").value(oulu))
                .andExpect(jsonPath("$.items.auditEntries.length()").value(3))
                .andExpect(jsonPath("$.items.auditEntries[1].before[0].role").value("PROJECT_MANAGER"))
                .andExpect(jsonPath("$.items.auditEntries[1].after[0].role").value("CEO"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Olli"))));
        Document audited = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("contactId").is("c-pirjo")), Document.class, "privacy_audit");
        assertThat(audited).isNotNull();
        assertThat(audited.getString("action")).isEqualTo("exported");
        assertThat(audited.get("items", Document.class).get("projectContacts")).isEqualTo(2L);
        // the plain SHA-256 of the address, which anyone can compute, names nobody
        mvc.perform(get("/api/gdpr/people").param("emailHash", EmailHash.legacySha256(email)).with(cityUser("helsinki", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.projectContacts.length()").value(0));
        // staff and project managers of the very cities, and integrators, get a coded refusal and nothing of the person
        for (var caller : List.of(cityUser("helsinki", "staff", "project-manager"), cityUser("oulu", "staff"),
                integrator("helsinki", "projects:read", "contacts:write"))) {
            mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(caller))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("admin-needed"))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(email))));
        }
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/gdpr/people").param("emailHash", "ABC").with(cityUser("helsinki", "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anErasedPersonLeavesEveryProjectAndTheAuditTrailButTheRoleAndTheOthersStay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "Pirjo." + run + "@Example.org";
        String name = "Pirjo Pois" + run;
        String helsinki = plan("ERASE", "helsinki", email, name);
        mvc.perform(put("/api/projects/" + helsinki).with(cityUser("helsinki", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("ERASE", "helsinki", email, "CEO", name)))
                .andExpect(status().isOk());
        String contactId = "c-" + UUID.randomUUID();
        String erased = """
                {"id": "%s", "type": "contact.erased", "version": 2, "data": {"contactId": "%s", "emailHash": "%s"}}
                """.formatted(UUID.randomUUID(), contactId, emailHash.of(email));
        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, contactId, erased);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, contactId, erased);

        await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get("/api/gdpr/erasures/" + contactId)
                .with(cityUser("helsinki", "admin"))).andReturn().getResponse().getStatus() == 200);
        mvc.perform(get("/api/gdpr/erasures/" + contactId).with(cityUser("helsinki", "staff")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("admin-needed"));
        mvc.perform(get("/api/gdpr/erasures/" + contactId).with(cityUser("helsinki", "admin")))
                .andExpect(jsonPath("$.items.projectContacts").value(1))
                .andExpect(jsonPath("$.items.auditEntries").value(2));

        for (String collection : new String[] {"projects", "project_audit"}) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).doesNotContainIgnoringCase(email).doesNotContain(name);
            }
        }
        mvc.perform(get("/api/projects/" + helsinki).with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.contacts[0].name").value("Olli Osallinen"))
                .andExpect(jsonPath("$.contacts[1].name").value("–"))
                .andExpect(jsonPath("$.contacts[1].role").value("CEO"))
                .andExpect(jsonPath("$.contacts[1].email").doesNotExist());
        mvc.perform(get("/api/projects/" + helsinki + "/audit").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
    }
}
