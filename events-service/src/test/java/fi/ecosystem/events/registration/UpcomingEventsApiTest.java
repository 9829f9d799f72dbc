package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The staff home's one call: the events still to come, in chosen states, each with the size of its waiting list. */
class UpcomingEventsApiTest extends EventsApiTestSupport {

    String register(String event, String email, String expected) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations")
                        .with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(person(email)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value(expected))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void theListSaysHowManyWaitAndFiltersByStartAndState() throws Exception {
        String full = publish(draft(1));
        String first = register(full, "eka@example.org", "CONFIRMED");
        register(full, "toka@example.org", "WAITLISTED");
        register(full, "kolmas@example.org", "WAITLISTED");
        String drafted = draft(10);

        mvc.perform(get("/api/events?from=2026-06-01T00:00:00Z&status=PUBLISHED&size=8").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(full))
                .andExpect(jsonPath("$.items[0].waitlistedCount").value(2))
                .andExpect(jsonPath("$.items[0].confirmedCount").value(1));
        mvc.perform(get("/api/events?from=2026-06-01T00:00:00Z&status=PUBLISHED&status=DRAFT").with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[?(@.id == '" + drafted + "')].waitlistedCount").value(0));
        mvc.perform(get("/api/events?from=2028-01-01T00:00:00Z").with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/events?status=CANCELLED").with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/events?from=2026-06-01T00:00:00Z").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/events/" + full).with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.waitlistedCount").value(2));

        // a cancelled place goes to the first waiting: one fewer waits
        mvc.perform(post("/api/events/" + full + "/registrations/" + first + "/cancel").with(cityUser("espoo", "staff", "event-organiser")))
                .andExpect(status().isOk());
        // the handling of the event's own change may give the place a moment after the answer (RegistrationApiTest)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/api/events/" + full).with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.waitlistedCount").value(1))
                .andExpect(jsonPath("$.confirmedCount").value(1)));
        mvc.perform(get("/api/events?from=tomorrow").with(cityUser("helsinki", "staff"))).andExpect(status().isBadRequest());
    }

    @Test
    void aProjectsEventsPageForItsCitiesAndNoneForOthers() throws Exception {
        String first = draft(1);
        String second = draft(2);
        mvc.perform(get("/api/events?projectId=" + PROJECT + "&size=1").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/events?projectId=" + PROJECT + "&size=1&page=1").with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.items[0].id").value(org.hamcrest.Matchers.oneOf(first, second)));
        mvc.perform(get("/api/events?projectId=" + PROJECT).with(cityUser("oulu", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/events?projectId=another-project").with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
    }
}
