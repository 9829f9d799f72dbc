package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The service answers what the pages used to work out themselves: the check-in's people (those holding a place,
 * matching the words typed, by name, a page at a time), the waiting order and the counts per state.
 */
class RegistrationSearchApiTest extends EventsApiTestSupport {

    @Test
    void theCheckInFindsThoseHoldingAPlaceByTheWordsTypedSortedByNameAndTheCountsNameEveryState() throws Exception {
        String event = draft(2);
        var organiser = cityUser("helsinki", "staff", "event-organiser");
        register(event, "aino@example.org", "Aino", "Virta", "Kasvu Oy");
        register(event, "bertta@example.org", "Bertta", "Aalto", null);
        register(event, "cecilia@example.org", "Cecilia", "Aalto", "Kasvu Oy");
        register(event, "daniel@example.org", "Daniel", "Berg", null);

        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser)
                        .param("status", "CONFIRMED", "ATTENDED", "NO_SHOW").param("order", "name"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].lastName").value("Aalto"))
                .andExpect(jsonPath("$.items[1].lastName").value("Virta"));
        // every word somewhere in the name, the e-mail or the organisation, in any case
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser).param("q", "aalto KASVU").param("order", "name"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].firstName").value("Cecilia"));
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser).param("q", "aalto").param("order", "name"))
                .andExpect(jsonPath("$.totalItems").value(2));
        // a page at a time
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser).param("order", "name")
                        .param("size", "1").param("page", "3"))
                .andExpect(jsonPath("$.totalItems").value(4)).andExpect(jsonPath("$.totalPages").value(4))
                .andExpect(jsonPath("$.items[0].lastName").value("Virta"));
        // the order they came: the waiting list's, with each one's place in it
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser))
                .andExpect(jsonPath("$.items[2].firstName").value("Cecilia"))
                .andExpect(jsonPath("$.items[2].waitingListPosition").value(1))
                .andExpect(jsonPath("$.items[3].waitingListPosition").value(2))
                .andExpect(jsonPath("$.items[0].waitingListPosition").value(0));

        mvc.perform(get("/api/events/" + event + "/registrations/counts").with(organiser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byStatus.CONFIRMED").value(2)).andExpect(jsonPath("$.byStatus.WAITLISTED").value(2))
                .andExpect(jsonPath("$.byStatus.CANCELLED").value(0)).andExpect(jsonPath("$.byStatus.ATTENDED").value(0))
                .andExpect(jsonPath("$.byStatus.NO_SHOW").value(0));
    }

    @Test
    void theCountsAndTheSearchNeedTheRightToSeeTheEventsPeopleAndAnUnknownOrderIsABadRequest() throws Exception {
        String event = draft(2);
        register(event, "aino@example.org", "Aino", "Virta", null);
        mvc.perform(get("/api/events/" + event + "/registrations/counts").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.byStatus.CONFIRMED").value(1));
        mvc.perform(get("/api/events/" + event + "/registrations/counts").with(cityUser("helsinki")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/events/" + event + "/registrations").param("q", "aino").with(cityUser("helsinki")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/events/" + event + "/registrations").param("order", "shoe-size")
                        .with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private void register(String event, String email, String firstName, String lastName, String organisation) throws Exception {
        mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("helsinki", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName
                                + "\", \"language\": \"fi\"" + (organisation == null ? "" : ", \"organisationName\": \"" + organisation + "\"")
                                + "}"))
                .andExpect(status().isCreated());
    }
}
