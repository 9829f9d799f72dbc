package fi.ecosystem.projects.project;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
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

/**
 * The projects API against the embedded store and an embedded KRaft broker: the access rule for the write
 * endpoints, bad input, and the outbox and inbox working through real Kafka.
 */
class ProjectApiTest extends ProjectsApiTestBase {

    @BeforeEach
    void emptyStore() {
        mongo.dropCollection(Project.class);
    }

    String plan() throws Exception {
        String body = mvc.perform(post("/api/projects").with(cityUser("helsinki", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void aProjectManagerOfAParticipatingCityPlansAProjectAndItsEventReachesKafka() throws Exception {
        String id = plan();

        mvc.perform(get("/api/projects/" + id).with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED"));
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(kafka.getBrokersAsString(),
                Topics.PROJECTS, record -> id.equals(record.key()), Duration.ofSeconds(20));
        String envelope = records.get(records.size() - 1).value();
        assertThat((String) JsonPath.read(envelope, "$.type")).isEqualTo("project.changed");
        assertThat((List<String>) JsonPath.read(envelope, "$.cities")).containsExactly("espoo", "helsinki");
        assertThat((String) JsonPath.read(envelope, "$.data.projectId")).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Project.class).pendingEvents().isEmpty());
    }

    @Test
    void staffWithoutTheRoleMayNotPlan() throws Exception {
        mvc.perform(post("/api/projects").with(cityUser("helsinki", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Project.class)).isZero();
    }

    @Test
    void aProjectManagerMayNotPlanAProjectHerCityDoesNotTakePartIn() throws Exception {
        mvc.perform(post("/api/projects").with(cityUser("oulu", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("own-city-missing"));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/projects")).andExpect(status().isUnauthorized());
    }

    @Test
    void integratorsWriteOnlyWithTheWriteScope() throws Exception {
        mvc.perform(post("/api/projects").with(integrator("helsinki", "projects:read"))
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/projects").with(integrator("helsinki", "projects:read", "projects:write"))
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/projects").with(integrator("helsinki", "events:read")))
                .andExpect(status().isForbidden());
    }

    @Test
    void statusChangesFollowTheAccessRule() throws Exception {
        String id = plan();
        String activate = "{\"status\": \"ACTIVE\"}";

        mvc.perform(put("/api/projects/" + id + "/status").with(cityUser("oulu", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(activate))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/projects/" + id + "/status").with(cityUser("espoo", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(activate))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/projects/" + id + "/status").with(integrator("oulu", "projects:write"))
                        .contentType(MediaType.APPLICATION_JSON).content(activate))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/projects/" + id + "/status").contentType(MediaType.APPLICATION_JSON).content(activate))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/projects/" + id + "/status").with(cityUser("espoo", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(activate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(put("/api/projects/" + id + "/status").with(cityUser("espoo", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"PLANNED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("status-transition"));
    }

    @Test
    void anotherCitysProjectIsNotFoundAndNotListed() throws Exception {
        String id = plan();

        mvc.perform(get("/api/projects/" + id).with(cityUser("oulu", "staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/projects").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/projects").with(cityUser("espoo", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void badInputIsA4xxProblemAndStoresNothing() throws Exception {
        var manager = cityUser("helsinki", "staff", "project-manager");
        mvc.perform(post("/api/projects").with(manager).contentType(MediaType.APPLICATION_JSON).content("{\"acronym\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://ecosystem.example.org/problems/malformed-json"));
        mvc.perform(post("/api/projects").with(manager).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("\"2018-08-01\"", "42.5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("startDate"));
        mvc.perform(post("/api/projects").with(manager).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("\"acronym\"", "\"acronyn\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://ecosystem.example.org/problems/unknown-field"));
        mvc.perform(post("/api/projects").with(manager).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("\"helsinki\", \"espoo\"", "\"Helsinki!\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());
        mvc.perform(post("/api/projects").with(manager).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"acronym\": \"" + "x".repeat(2_000_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(get("/api/projects?size=100000").with(manager)).andExpect(status().isBadRequest());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Project.class)).isZero();
    }

    @Test
    void aRegistrationDeliveredTwiceIsHandledOnce() throws Exception {
        String id = plan();
        String duplicated = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String event = """
                {"id": "%s", "type": "registration.confirmed", "version": 1,
                 "time": "2026-11-23T10:00:00Z", "source": "events-service", "subject": "r1", "cities": ["helsinki"],
                 "futureField": "ignored by tolerant readers",
                 "data": {"registrationId": "r1", "eventId": "e1", "projectId": "%s", "status": "CONFIRMED",
                          "participant": {"email": "maija.meikalainen@example.org"}}}
                """.formatted(duplicated, id);
        String promoted = event.replace(duplicated, later).replace("registration.confirmed", "registration.promoted");

        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r1", event);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r1", event);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r1", promoted);

        // the same key, so the same partition: once the later event is marked handled, both deliveries were consumed
        await().atMost(Duration.ofSeconds(20)).until(() -> handled("participants-reached", later));
        assertThat(handled("participants-reached", duplicated)).isTrue();
        // the registration counts once whatever its events, so the count alone cannot tell; the handler's calls can:
        // one participant per event id (the duplicated one and the later one), not one per delivery
        ArgumentCaptor<Collection<ProjectCounts.Participant>> counted = ArgumentCaptor.captor();
        verify(counts, atLeastOnce()).participantsConfirmed(counted.capture());
        assertThat(counted.getAllValues().stream().flatMap(Collection::stream).filter(p -> p.projectId().equals(id)))
                .containsExactly(new ProjectCounts.Participant(id, "e1", "r1"), new ProjectCounts.Participant(id, "e1", "r1"));
        assertThat(mongo.findById(id, Project.class).participantsReached()).isEqualTo(1);
    }

    boolean handled(String handler, String eventId) {
        return mongo.exists(new Query(Criteria.where("_id").is(handler + ":" + eventId)), "processed_events");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionCarriesOn() throws Exception {
        String id = plan();
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "bad", "{this is not an envelope");
        String good = """
                {"id": "33333333-3333-3333-3333-333333333333", "type": "registration.confirmed", "version": 1,
                 "data": {"registrationId": "r3", "eventId": "e1", "projectId": "%s", "status": "CONFIRMED"}}
                """.formatted(id);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r3", good);

        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecord(kafka.getBrokersAsString(),
                Topics.deadLetter(Topics.REGISTRATIONS), record -> "bad".equals(record.key()), Duration.ofSeconds(20));
        assertThat(parked.get(parked.size() - 1).value()).isEqualTo("{this is not an envelope");
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(id, Project.class).participantsReached() == 1);
    }
}
