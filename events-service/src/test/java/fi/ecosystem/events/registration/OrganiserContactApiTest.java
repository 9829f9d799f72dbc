package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The organiser's contact of an event: written by organisers with codes for what is wrong, shown to the public
 * and to participants through their private link; and one published event as an iCalendar download.
 */
class OrganiserContactApiTest extends EventsApiTestSupport {

    static final String WITH_CONTACT = """
            {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Kasvuwebinaari", "sv": "Tillväxtwebbinarium"},
             "venue": "Kansakoulukatu 3, Helsingfors", "capacity": 10,
             "startsAt": "2027-06-01T06:00:00Z", "endsAt": "2027-06-01T07:30:00Z", "contact": %s}
            """;

    @Test
    void aContactIsANameAndAWayToReachThemEachWellFormedOrTheFieldsSayWhy() throws Exception {
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content(WITH_CONTACT.formatted(PROJECT, "{\"phone\": \"12-ab\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("contact-name-missing", "contact-phone-invalid")));
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content(WITH_CONTACT.formatted(PROJECT, "{\"name\": \"Olli Organisaattori\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact.email"))
                .andExpect(jsonPath("$.errors[0].code").value("contact-reach-missing"));
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content(WITH_CONTACT.formatted(PROJECT, "{\"name\": \"Olli\", \"email\": \"not an address\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact.email"));
    }

    @Test
    void thePublicAndTheParticipantSeeTheContactAndTheEventIsACalendarFileInTheirLanguage() throws Exception {
        String created = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(WITH_CONTACT.formatted(PROJECT,
                                "{\"name\": \" Olli Organisaattori \", \"email\": \"olli@example.org\", \"phone\": \"+358 40 123 4567\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contact.name").value("Olli Organisaattori"))
                .andReturn().getResponse().getContentAsString();
        String event = publish(com.jayway.jsonpath.JsonPath.read(created, "$.id"));

        mvc.perform(get("/public/events/" + event))
                .andExpect(jsonPath("$.contact.email").value("olli@example.org"))
                .andExpect(jsonPath("$.contact.phone").value("+358 40 123 4567"))
                .andExpect(jsonPath("$.organisingCity").value("espoo"));
        String token = selfRegister(event, "sara@example.org");
        mvc.perform(get("/public/registrations/" + token))
                .andExpect(jsonPath("$.contact.name").value("Olli Organisaattori"))
                .andExpect(jsonPath("$.organisingCity").value("espoo"));

        String ics = mvc.perform(get("/public/events/" + event + "/calendar.ics?lang=sv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + event + ".ics\""))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Tillväxtwebbinarium\r\n",
                "DTSTART:20270601T060000Z\r\n", "DTEND:20270601T073000Z\r\n", "LOCATION:Kansakoulukatu 3\\, Helsingfors\r\n",
                "URL:http://localhost:8080/events/" + event + "\r\n",
                "ORGANIZER;CN=\"Olli Organisaattori\":mailto:olli@example.org\r\n").endsWith("END:VCALENDAR\r\n");

        // the contact is edited away: nobody is named any more
        mvc.perform(put("/api/events/" + event).with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content(WITH_CONTACT.formatted(PROJECT, "null")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact").doesNotExist());
        mvc.perform(get("/public/events/" + event)).andExpect(status().isOk()).andExpect(jsonPath("$.contact").doesNotExist());
    }

    @Test
    void aDraftIsNoCalendarFileForThePublic() throws Exception {
        String draft = draft(5);
        mvc.perform(get("/public/events/" + draft + "/calendar.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/public/events/" + publish(draft) + "/calendar.ics")).andExpect(status().isOk());
    }
}
