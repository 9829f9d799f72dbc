package fi.ecosystem.contacts.organisation;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Organisations with their business IDs, shared with the cities of the projects they are linked to. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class OrganisationApiTest {

    static final String BODY = """
            {"type": "COMPANY", "name": {"fi": "Esimerkki Oy"}, "businessId": "0201256-6",
             "address": {"street": "Testikatu 1", "postalCode": "05800", "city": "Hyvinkää"},
             "website": "https://example.org", "projectIds": ["hri"]}
            """;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "organisations-test");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;

    @BeforeEach
    void projectKnown() {
        mongo.dropCollection(Organisation.class);
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "hri", "HRI", List.of("hyvinkaa", "kerava"));
    }

    @Test
    void anOrganisationIsSharedWithTheCitiesOfItsProjects() throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/organisations").with(cityUser("hyvinkaa", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(get("/api/organisations/" + id).with(cityUser("kerava", "staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.businessId").value("0201256-6"));
        mvc.perform(get("/api/organisations/" + id).with(cityUser("oulu", "staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/organisations").with(cityUser("oulu", "staff"))).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(put("/api/organisations/" + id).with(cityUser("oulu", "staff")).contentType(MediaType.APPLICATION_JSON)
                .content(BODY)).andExpect(status().isNotFound());
        mvc.perform(put("/api/organisations/" + id).with(integrator("kerava", "contacts:read")).contentType(MediaType.APPLICATION_JSON)
                .content(BODY)).andExpect(status().isForbidden());
        mvc.perform(put("/api/organisations/" + id).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/organisations/" + id).with(integrator("kerava", "contacts:write")).contentType(MediaType.APPLICATION_JSON)
                .content(BODY.replace("Esimerkki Oy", "Esimerkki Oyj"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name.fi").value("Esimerkki Oyj"));

        // others hear of both through the outbox, keyed by the organisation, with its cities
        List<ConsumerRecord<String, String>> seen = TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.ORGANISATIONS,
                record -> record.key().equals(id) && record.value().contains("Esimerkki Oyj"), Duration.ofSeconds(20));
        List<String> changes = seen.stream().filter(record -> record.key().equals(id)).map(ConsumerRecord::value).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).contains("\"type\":\"organisation.changed\"").contains("\"change\":\"created\"")
                .contains("\"businessId\":\"0201256-6\"").contains("\"hyvinkaa\"");
        assertThat(changes.get(1)).contains("\"change\":\"changed\"");
        assertThat(mongo.findById(id, Organisation.class).pendingEvents()).isEmpty();
    }

    @Test
    void aWrongBusinessIdIsAProblemNamingTheFieldAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/organisations").with(cityUser("hyvinkaa", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("0201256-6", "0201256-5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("businessId"));
        mvc.perform(post("/api/organisations").with(cityUser("hyvinkaa", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("0201256-6", "020125")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/organisations").with(cityUser("hyvinkaa", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"hri\"", "\"someone-elses\"")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/organisations").with(cityUser("hyvinkaa", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"businessId\": \"0201256-6\"", "\"municipalityNumber\": \"106\"")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("municipality-number"));
        assertThat(mongo.count(new Query(), Organisation.class)).isZero();
    }
}
