package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Reading the people of an event needs a named role: event-organiser of the organising city, or staff,
 * project-manager or admin of a participating city; integrators need events:write. A bare member of a
 * participating city sees the event but none of its people (403); a member of another city not even the
 * event (404).
 */
class ParticipantAccessTest extends EventsApiTestSupport {

    /** Everything that shows registrations: the list, both exports. */
    static final List<String> READS = List.of("", "/export.csv", "/export.xlsx");

    String eventWithOnePerson() throws Exception {
        String event = draft(5); // organised by Espoo in a project of Helsinki and Espoo
        String body = mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(person("salainen@example.org")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.email")).isEqualTo("salainen@example.org");
        return event;
    }

    void mayRead(String event, RequestPostProcessor caller) throws Exception {
        for (String read : READS) {
            String body = mvc.perform(get("/api/events/" + event + "/registrations" + read).with(caller))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (!read.endsWith("xlsx")) {
                assertThat(body).contains("salainen@example.org");
            }
        }
    }

    void refused(String event, RequestPostProcessor caller, int status) throws Exception {
        for (String read : READS) {
            String body = mvc.perform(get("/api/events/" + event + "/registrations" + read).with(caller))
                    .andExpect(status().is(status))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("salainen", "Meikäläinen");
        }
    }

    @Test
    void namedRolesReadTheRegistrationsOfAnEvent() throws Exception {
        String event = eventWithOnePerson();
        mayRead(event, cityUser("espoo", "event-organiser"));
        mayRead(event, cityUser("helsinki", "staff"));
        mayRead(event, cityUser("helsinki", "project-manager"));
        mayRead(event, cityUser("helsinki", "admin"));
        mayRead(event, integrator("helsinki", "events:write"));
    }

    @Test
    void aBareMemberOrAnOrganiserOfAnotherCitySeesNoOne() throws Exception {
        String event = eventWithOnePerson();
        mvc.perform(get("/api/events/" + event).with(cityUser("helsinki"))).andExpect(status().isOk());
        refused(event, cityUser("helsinki"), 403);
        // an organiser of a partner city is not an organiser of this event, and may not manage its people either
        refused(event, cityUser("helsinki", "event-organiser"), 403);
        mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("helsinki", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(person("salainen@example.org")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.firstName").doesNotExist());
        refused(event, integrator("helsinki", "events:read"), 403);
        refused(event, cityUser("oulu", "staff", "event-organiser"), 404);
        refused(event, integrator("oulu", "events:write"), 404);
        mvc.perform(get("/api/events/" + event + "/registrations")).andExpect(status().isUnauthorized());
    }

    @Test
    void theGdprPeopleEndpointIsTheAdminsOnly() throws Exception {
        eventWithOnePerson();
        String hash = emailHash.of("salainen@example.org");
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(cityUser("helsinki")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(cityUser("helsinki", "staff")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("admin-needed"));
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(cityUser("helsinki", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.registrations[0].email").value("salainen@example.org"));
    }
}
