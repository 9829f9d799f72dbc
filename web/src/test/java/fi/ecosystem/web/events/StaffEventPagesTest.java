package fi.ecosystem.web.events;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import fi.ecosystem.web.StubServices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** Organisers' event pages against stubbed services, with the user's token relayed. */
class StaffEventPagesTest extends PageTest {

    static final String EVENT = """
            {"id": "ev-1", "projectId": "kasvun-ekosysteemit", "type": "SEMINAR", "title": {"fi": "Kasvuseminaari"},
             "organisingCity": "helsinki", "capacity": 2, "confirmedCount": 2, "startsAt": "2027-02-01T07:00:00Z",
             "endsAt": "2027-02-01T10:00:00Z", "status": "PUBLISHED"}
            """;
    static final String REGISTRATIONS = """
            {"items": [
              {"id": "r1", "email": "a@example.org", "firstName": "Aino", "lastName": "A", "status": "CONFIRMED", "createdAt": "2026-11-01T10:00:00Z"},
              {"id": "r2", "email": "b@example.org", "firstName": "Bertta", "lastName": "B", "status": "CANCELLED", "createdAt": "2026-11-01T10:01:00Z"},
              {"id": "r3", "email": "c@example.org", "firstName": "Cecilia", "lastName": "C", "status": "WAITLISTED", "waitingListPosition": 1, "createdAt": "2026-11-01T10:02:00Z"},
              {"id": "r4", "email": "d@example.org", "firstName": "Daniel", "lastName": "D", "status": "WAITLISTED", "waitingListPosition": 2, "createdAt": "2026-11-01T10:03:00Z"}],
             "page": 0, "size": 500, "totalItems": 4, "totalPages": 1}
            """;
    /** What the service counts of {@link #REGISTRATIONS}. */
    static final String COUNTS = """
            {"byStatus": {"CONFIRMED": 1, "WAITLISTED": 2, "CANCELLED": 1, "ATTENDED": 0, "NO_SHOW": 0}}
            """;
    /** The service's answer to the check-in's question: those of {@link #REGISTRATIONS} holding a place, by name. */
    static final String HOLDING_A_PLACE = """
            {"items": [
              {"id": "r1", "email": "a@example.org", "firstName": "Aino", "lastName": "A", "status": "CONFIRMED", "createdAt": "2026-11-01T10:00:00Z"}],
             "page": 0, "size": 100, "totalItems": 1, "totalPages": 1}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /api/events/ev-1", 200, EVENT);
        services.answer("GET /api/events/ev-1/registrations", 200, REGISTRATIONS);
        services.answer("GET /api/events/ev-1/registrations/counts", 200, COUNTS);
        services.answer("GET /api/events", 200, "{\"items\": [" + EVENT + "], \"page\": 0, \"size\": 200, \"totalItems\": 1, \"totalPages\": 1}");
        services.answer("GET /api/projects", 200, """
                {"items": [{"id": "kasvun-ekosysteemit", "name": {"fi": "Kasvun ekosysteemit"}, "status": "ACTIVE"}],
                 "page": 0, "size": 200, "totalItems": 1, "totalPages": 1}
                """);
    }

    @Test
    void theRegistrationsTableShowsStatusesAndTheWaitingListOrder() throws Exception {
        mvc.perform(get("/app/events/ev-1").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kasvuseminaari"), containsString("Jonossa: 2"),
                        containsString("Vahvistettu: 1"), containsString("Peru: Cecilia C"),
                        containsString("registrations.csv"),
                        containsString("id=\"feedback-link\" href=\"/app/events/ev-1/feedback\">Osallistujien palaute</a>"),
                        not(containsString("??")))));
        String page = mvc.perform(get("/app/events/ev-1").with(cityUser("helsinki", "staff", "event-organiser")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.replaceAll("\\s+", " ")).contains("c@example.org</td>", "<td class=\"number\">1</td>",
                "d@example.org</td>", "<td class=\"number\">2</td>");
        assertThat(services.last("GET", "/api/events/ev-1").authorization()).isEqualTo("Bearer token");
    }

    @Test
    void aMemberWithoutARoleSeesTheEventButNotItsPeople() throws Exception {
        services.answer("GET /api/events/ev-1/registrations", 403, """
                {"type": "https://ecosystem.example.org/problems/forbidden", "status": 403, "detail": "A role is needed"}
                """);
        mvc.perform(get("/app/events/ev-1").with(cityUser("helsinki")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kasvuseminaari"), containsString("id=\"registrations-hidden\""),
                        not(containsString("registrations-table")), not(containsString("Ei ilmoittautuneita")))));
    }

    @Test
    void aNewEventWithMistakesKeepsTheInputAndPointsAtTheFields() throws Exception {
        mvc.perform(post("/app/events").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "")
                        .param("titleSv", "Tillvaxtseminarium").param("capacity", "0")
                        .param("startsAt", "2027-02-01T12:00").param("endsAt", "2027-02-01T09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Tillvaxtseminarium\""),
                        containsString("id=\"titleFi-error\""), containsString("id=\"capacity-error\""),
                        containsString("id=\"endsAt-error\""), containsString("Päättymisajan pitää olla alkamisajan jälkeen."),
                        containsString("value=\"2027-02-01T12:00\""), containsString("aria-invalid=\"true\""))));
        assertThat(services.last("POST", "/api/events")).isNull();
    }

    @Test
    void aNewEventIsSentInHelsinkiTimeAndTheServicesFieldErrorsComeBackToTheForm() throws Exception {
        services.answer("POST /api/events", 400, """
                {"type": "https://ecosystem.example.org/problems/validation", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "title.fi", "message": "size must be between 0 and 300"}]}
                """);
        mvc.perform(post("/app/events").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "Kasvuseminaari")
                        .param("capacity", "20").param("maxRegistrationsPerAddress", "3")
                        .param("startsAt", "2027-06-01T09:00").param("endsAt", "2027-06-01T12:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"titleFi-error\""), containsString("size must be between 0 and 300"),
                        containsString("value=\"Kasvuseminaari\""), containsString("id=\"maxRegistrationsPerAddress\""))));
        assertThat(services.last("POST", "/api/events").body()).contains("\"startsAt\":\"2027-06-01T06:00:00Z\"",
                "\"title\":{\"fi\":\"Kasvuseminaari\"", "\"capacity\":20", "\"maxRegistrationsPerAddress\":3", "\"questions\":[]")
                .doesNotContain("description", "sessions");
    }

    @Test
    void theOrganisersContactIsSentWithTheEventAndTheServicesCodesForItAreShownAtItsFieldsInTheUsersLanguage() throws Exception {
        services.answer("POST /api/events", 400, """
                {"type": "https://ecosystem.example.org/problems/validation", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "contact.phone", "code": "contact-phone-invalid", "message": "A phone number has 6–15 digits"},
                            {"field": "contact.name", "code": "contact-name-missing", "message": "A contact needs a name"}]}
                """);
        mvc.perform(post("/app/events?lang=sv").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "Kasvuseminaari")
                        .param("capacity", "20").param("startsAt", "2027-06-01T09:00")
                        .param("contactEmail", "olli@example.org").param("contactPhone", "12"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kontaktperson för deltagarna"),
                        containsString("id=\"contactPhone-error\""), containsString("Ange telefonnumret med siffror"),
                        containsString("id=\"contactName-error\""), containsString("Ange kontaktpersonens namn."),
                        containsString("value=\"12\""), not(containsString("A contact needs a name")))));
        assertThat(services.last("POST", "/api/events").body())
                .contains("\"contact\":{\"name\":null,\"email\":\"olli@example.org\",\"phone\":\"12\"}");
    }

    @Test
    void theEditFormShowsTheContactTheEventHas() throws Exception {
        services.answer("GET /api/events/ev-1", 200, EVENT.replace("\"status\": \"PUBLISHED\"",
                "\"status\": \"PUBLISHED\", \"contact\": {\"name\": \"Olli Organisaattori\", \"phone\": \"040 123 4567\"}"));
        mvc.perform(get("/app/events/ev-1/edit").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Olli Organisaattori\""), containsString("type=\"tel\""),
                        containsString("value=\"040 123 4567\""))));
    }

    @Test
    void theReportingSettingsAreSentWithTheEventAndTheEditFormShowsThemInTheUsersLanguage() throws Exception {
        services.answer("POST /api/events", 201, EVENT);
        mvc.perform(post("/app/events").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "Testitilaisuus")
                        .param("capacity", "20").param("startsAt", "2027-06-01T09:00").param("endsAt", "2027-06-01T12:00")
                        .param("excludedFromReports", "true").param("businessIdAsked", "OPTIONAL"))
                .andExpect(redirectedUrl("/app/events/ev-1?created"));
        assertThat(services.last("POST", "/api/events").body())
                .contains("\"excludedFromReports\":true", "\"businessIdAsked\":\"OPTIONAL\"");

        services.answer("GET /api/events/ev-1", 200, EVENT.replace("\"status\": \"PUBLISHED\"",
                "\"status\": \"PUBLISHED\", \"excludedFromReports\": true, \"businessIdAsked\": \"REQUIRED\""));
        mvc.perform(get("/app/events/ev-1/edit?lang=sv").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Räknas inte i rapporterna"),
                        containsString("value=\"REQUIRED\" selected=\"selected\""),
                        containsString("name=\"excludedFromReports\" value=\"true\" checked=\"checked\""))));
    }

    static final String PROGRAMME = """
            {"id": "ev-2", "projectId": "kasvun-ekosysteemit", "type": "GROWTH_PROGRAMME", "title": {"fi": "Kasvuohjelma"},
             "organisingCity": "helsinki", "capacity": 20, "confirmedCount": 0, "status": "DRAFT", "sessionsToComplete": 2,
             "startsAt": "2027-03-01T07:00:00Z", "endsAt": "2027-03-08T10:00:00Z",
             "sessions": [{"id": "s1", "title": {"fi": "Aloitus"}, "startsAt": "2027-03-01T07:00:00Z", "endsAt": "2027-03-01T10:00:00Z"},
                          {"id": "s2", "title": {"fi": "Päätös"}, "startsAt": "2027-03-08T07:00:00Z", "endsAt": "2027-03-08T10:00:00Z"}],
             "questions": [{"id": "diet", "kind": "CHOICE", "label": {"fi": "Ruokavalio"}, "required": true,
                            "options": [{"id": "veg", "label": {"fi": "Kasvis", "sv": "Vegetarisk", "en": "Vegetarian"}}]}]}
            """;

    @Test
    void questionsAreShownByTheirTextAndTheUploadNamesTheirColumnsSo() throws Exception {
        services.answer("GET /api/events/ev-2", 200, PROGRAMME);
        services.answer("GET /api/events/ev-2/registrations", 200, "{\"items\": [], \"page\": 0, \"size\": 50, \"totalItems\": 0, \"totalPages\": 0}");
        services.answer("GET /api/events/ev-2/registrations/counts", 200, "{\"byStatus\": {}}");
        mvc.perform(get("/app/events/ev-2").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ruokavalio"), not(containsString("answer:")),
                        not(containsString("CSV-tuonnin sarake")))));
        mvc.perform(get("/app/events/ev-2/import").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"question-columns\""), containsString("<code>Ruokavalio</code>"),
                        not(containsString("answer:")))));
        mvc.perform(get("/app/events/ev-2/import").param("lang", "sv").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(content().string(allOf(containsString("med frågans text som rubrik"), containsString("<code>Ruokavalio</code>"))));
    }

    @Test
    void aProgrammesSessionsAndQuestionsComeBackWithTheirIdsWhenEdited() throws Exception {
        services.answer("GET /api/events/ev-2", 200, PROGRAMME);
        services.answer("PUT /api/events/ev-2", 200, PROGRAMME);
        mvc.perform(get("/app/events/ev-2/edit").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"sessions-0-titleFi\""), containsString("value=\"Aloitus\""),
                        containsString("value=\"2027-03-08T09:00\""), containsString("Kasvis | Vegetarisk | Vegetarian"),
                        containsString("id=\"sessions-2-titleFi\""), containsString("value=\"veg\""))));
        mvc.perform(post("/app/events/ev-2").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "GROWTH_PROGRAMME").param("titleFi", "Kasvuohjelma")
                        .param("capacity", "25").param("sessionsToComplete", "2")
                        .param("sessions[0].id", "s1").param("sessions[0].titleFi", "Aloitus").param("sessions[0].startsAt", "2027-03-01T09:00")
                        .param("sessions[1].id", "").param("sessions[1].titleFi", "Uusi osa").param("sessions[1].startsAt", "2027-03-15T09:00")
                        .param("sessions[2].titleFi", "")
                        .param("questions[0].id", "diet").param("questions[0].kind", "CHOICE").param("questions[0].labelFi", "Ruokavalio")
                        .param("questions[0].required", "true").param("questions[0].optionIds", "veg")
                        .param("questions[0].options", "Kasvis | Vegetarisk | Vegetarian\nVegaani"))
                .andExpect(redirectedUrl("/app/events/ev-2"));
        assertThat(services.last("PUT", "/api/events/ev-2").body()).contains("\"projectId\":\"kasvun-ekosysteemit\"",
                "{\"id\":\"s1\",\"title\":{\"fi\":\"Aloitus\"", "{\"id\":null,\"title\":{\"fi\":\"Uusi osa\"",
                "\"startsAt\":\"2027-03-15T07:00:00Z\"", "\"sessionsToComplete\":2",
                "{\"id\":\"veg\",\"label\":{\"fi\":\"Kasvis\",\"sv\":\"Vegetarisk\",\"en\":\"Vegetarian\"}}",
                "{\"id\":null,\"label\":{\"fi\":\"Vegaani\"").doesNotContain("\"titleFi\"");
    }

    @Test
    void aSessionsErrorFromTheServiceIsShownAtThatSession() throws Exception {
        services.answer("GET /api/events/ev-2", 200, PROGRAMME);
        services.answer("PUT /api/events/ev-2", 400, """
                {"type": "https://ecosystem.example.org/problems/validation", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "sessions[1].endsAt", "message": "must be after the session's start"},
                            {"field": "questions[0].label.fi", "message": "must not be blank"}]}
                """);
        mvc.perform(post("/app/events/ev-2").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "GROWTH_PROGRAMME").param("titleFi", "Kasvuohjelma")
                        .param("capacity", "25")
                        .param("sessions[0].titleFi", "Aloitus").param("sessions[0].startsAt", "2027-03-01T09:00")
                        .param("sessions[1].titleFi", "Toinen").param("sessions[1].startsAt", "2027-03-15T09:00").param("sessions[1].endsAt", "2027-03-15T08:00")
                        .param("questions[0].kind", "TEXT").param("questions[0].labelSv", "Fråga"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"sessions-1-endsAt-error\""),
                        containsString("must be after the session&#39;s start"), containsString("id=\"questions-0-labelFi-error\""))));
    }

    @Test
    void aCreatedEventOpensOnItsPage() throws Exception {
        services.answer("POST /api/events", 201, EVENT);
        mvc.perform(post("/app/events").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "Kasvuseminaari")
                        .param("capacity", "20").param("startsAt", "2027-06-01T09:00").param("endsAt", "2027-06-01T12:00"))
                .andExpect(redirectedUrl("/app/events/ev-1?created"));
    }

    @Test
    void theCalendarPlacesEventsOnTheirHelsinkiDay() throws Exception {
        mvc.perform(get("/app/events?view=calendar&month=2027-02").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("helmikuu 2027"), containsString("9.00 Kasvuseminaari"),
                        containsString(">maanantai 1.2.2027<"))));
    }

    @Test
    void checkInMarksAttendanceForTheSessionAndComesBackToTheList() throws Exception {
        services.answer("POST /api/events/ev-1/registrations/r1/attendance", 200,
                "{\"id\": \"r1\", \"firstName\": \"Aino\", \"lastName\": \"A\", \"status\": \"ATTENDED\"}");
        services.answer("GET /api/events/ev-1/registrations", 200, HOLDING_A_PLACE);
        mvc.perform(get("/app/events/ev-1/check-in").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Saapui: Aino A"), not(containsString("Cecilia")))));
        // the service picks those holding a place and sorts them by name
        assertThat(services.last("GET", "/api/events/ev-1/registrations?").path())
                .contains("status=CONFIRMED&status=ATTENDED&status=NO_SHOW", "order=name");
        mvc.perform(post("/app/events/ev-1/check-in/r1").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("attended", "true").param("session", "s1"))
                .andExpect(redirectedUrl("/app/events/ev-1/check-in?session=s1"));
        assertThat(services.last("POST", "/api/events/ev-1/registrations/r1/attendance").body())
                .contains("\"attended\":true", "\"sessionId\":\"s1\"");
    }

    @Test
    void theDownloadsAreTheServicesFiles() throws Exception {
        services.answer("GET /api/events/ev-1/registrations/export.csv", "text/csv;charset=UTF-8",
                "status;firstName\nCONFIRMED;Aino\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/app/events/ev-1/registrations.csv").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("registrations-ev-1.csv")))
                .andExpect(content().string("status;firstName\nCONFIRMED;Aino\n"));
        assertThat(services.last("GET", "/api/events/ev-1/registrations/export.csv").path()).endsWith("?lang=fi");
        services.answer("GET /api/events/ev-1/registrations/export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                new byte[] {'P', 'K', 3, 4});
        mvc.perform(get("/app/events/ev-1/registrations.xlsx").param("lang", "sv").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(header().string("Content-Disposition", containsString("registrations-ev-1.xlsx")))
                .andExpect(content().bytes(new byte[] {'P', 'K', 3, 4}));
        assertThat(services.last("GET", "/api/events/ev-1/registrations/export.xlsx").path())
                .as("the file in the organiser's own language").endsWith("?lang=sv");
        mvc.perform(get("/app/events/ev-2/registrations.csv").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBulkImportShowsTheServicesReportOrSaysTheServiceCannotYet() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                "email;firstName;lastName\ne@example.org;Eino;E\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/app/events/ev-1/import").file(file).with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tämä toiminto ei ole vielä käytössä.")));
        services.answer("POST /api/events/ev-1/registrations/import", 200, """
                {"rows": 2, "created": 1, "existing": 0, "rejected": 1, "confirmed": 1, "waitlisted": 0,
                 "report": [{"line": 2, "outcome": "created", "registrationId": "r9", "status": "CONFIRMED", "errors": []},
                            {"line": 3, "outcome": "rejected", "errors": [{"field": "email", "message": "must be a well-formed email address"}]}]}
                """);
        mvc.perform(multipart("/app/events/ev-1/import").file(file).with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tuonnin tulos"), containsString("Vahvistettuja"),
                        containsString("Ilmoitettu"), containsString("Hylätty"), containsString("email: must be a well-formed email address"))));
        StubServices.Request sent = services.last("POST", "/api/events/ev-1/registrations/import");
        assertThat(sent.contentType()).startsWith("text/csv");
        assertThat(sent.body()).contains("e@example.org;Eino;E");
    }

    @Test
    void aCompletedProgrammeOffersToMailTheCertificatesAndAnOpenOneDoesNot() throws Exception {
        services.answer("GET /api/events/ev-2", 200, PROGRAMME.replace("\"status\": \"DRAFT\"", "\"status\": \"COMPLETED\""));
        services.answer("GET /api/events/ev-2/registrations", 200, "{\"items\": [], \"page\": 0, \"size\": 50, \"totalItems\": 0, \"totalPages\": 0}");
        services.answer("GET /api/events/ev-2/registrations/counts", 200, "{\"byStatus\": {}}");
        mvc.perform(get("/app/events/ev-2").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(content().string(allOf(containsString("id=\"send-certificates\""),
                        containsString("Lähetä osallistumistodistukset"))));
        mvc.perform(get("/app/events/ev-1").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(content().string(allOf(containsString("Kasvuseminaari"), not(containsString("send-certificates")))));

        services.answer("POST /api/events/ev-2/certificates/send", 200, "{\"sent\": 3}");
        mvc.perform(post("/app/events/ev-2/certificates/send").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(redirectedUrl("/app/events/ev-2"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flash", "certificate.sent"));
        assertThat(services.last("POST", "/api/events/ev-2/certificates/send")).isNotNull();
    }

    @Test
    void anOrganiserRegistersAParticipantInTheirLanguageAndHearsOfTheWaitingList() throws Exception {
        services.answer("POST /api/events/ev-1/registrations", 201,
                "{\"id\": \"r5\", \"status\": \"WAITLISTED\", \"waitingListPosition\": 3}");
        mvc.perform(post("/app/events/ev-1/registrations").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("firstName", "Sven").param("lastName", "Svensson").param("email", "sven@example.org")
                        .param("language", "sv"))
                .andExpect(redirectedUrl("/app/events/ev-1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", "participant.waitlisted"));
        assertThat(services.last("POST", "/api/events/ev-1/registrations").body())
                .contains("\"email\":\"sven@example.org\"", "\"language\":\"sv\"");
        mvc.perform(post("/app/events/ev-1/registrations").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("firstName", "Sven").param("email", "sven@").param("language", "sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"sven@\""), containsString("id=\"lastName-error\""),
                        containsString("id=\"email-error\""))));
    }

    @Test
    void anEventOfAnotherCityIsNotFound() throws Exception {
        services.answer("GET /api/events/other", 404,
                "{\"type\": \"https://ecosystem.example.org/problems/not-found\", \"status\": 404, \"detail\": \"No such event\"}");
        mvc.perform(get("/app/events/other").with(cityUser("helsinki", "staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Sivua ei löydy")));
    }

    @Test
    void offersAndRemindersAreSetOnTheFormAndTheOrganiserSeesEachOffersDeadline() throws Exception {
        services.answer("POST /api/events", 201, EVENT);
        mvc.perform(post("/app/events").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "Tarjousseminaari")
                        .param("capacity", "20").param("startsAt", "2027-06-01T09:00").param("offerHours", "24")
                        .param("reminders[0].hoursBefore", "48").param("reminders[0].textSv", "Ta med datorn")
                        .param("reminders[1].hoursBefore", "").param("reminders[1].textFi", ""))
                .andExpect(redirectedUrl("/app/events/ev-1?created"));
        assertThat(services.last("POST", "/api/events").body()).contains("\"offerHours\":24",
                "\"reminders\":[{\"id\":null,\"hoursBefore\":48,\"text\":{\"fi\":null,\"sv\":\"Ta med datorn\",\"en\":null}}]");

        mvc.perform(post("/app/events").with(cityUser("helsinki", "staff", "event-organiser"))
                        .param("projectId", "kasvun-ekosysteemit").param("type", "SEMINAR").param("titleFi", "Tarjousseminaari")
                        .param("capacity", "20").param("startsAt", "2027-06-01T09:00").param("offerHours", "0")
                        .param("reminders[0].textFi", "Muista kahvi"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"offerHours-error\""),
                        containsString("id=\"reminders-0-hoursBefore-error\""), containsString("value=\"Muista kahvi\""))));

        services.answer("GET /api/events/ev-1", 200, EVENT.replace("\"status\": \"PUBLISHED\"",
                "\"status\": \"PUBLISHED\", \"offerHours\": 24, \"reminders\": [{\"id\": \"r1\", \"hoursBefore\": 48, \"text\": {\"sv\": \"Ta med datorn\"}}]"));
        services.answer("GET /api/events/ev-1/registrations", 200, REGISTRATIONS.replace(
                "\"status\": \"WAITLISTED\", \"waitingListPosition\": 1,",
                "\"status\": \"OFFERED\", \"offeredUntil\": \"2027-01-15T10:00:00Z\","));
        services.answer("GET /api/events/ev-1/registrations/counts", 200,
                "{\"byStatus\": {\"CONFIRMED\": 1, \"OFFERED\": 1, \"WAITLISTED\": 1, \"CANCELLED\": 1}}");
        mvc.perform(get("/app/events/ev-1").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Paikkaa tarjottu: 1"), containsString("Jonossa: 1"),
                        containsString("vastattava 15.1.2027 12.00 mennessä"), containsString("tarjotaan seuraavalle 24 tunniksi"),
                        containsString("48 h ennen"), not(containsString("??")))));
        mvc.perform(get("/app/events/ev-1/edit?lang=en").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"offerHours\""), containsString("value=\"24\""),
                        containsString("value=\"48\""), containsString("value=\"Ta med datorn\""),
                        containsString("Extra text in Swedish"), not(containsString("??")))));
    }
}
