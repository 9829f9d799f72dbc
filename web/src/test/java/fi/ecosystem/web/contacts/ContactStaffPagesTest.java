package fi.ecosystem.web.contacts;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff edit a person, record and withdraw consents, merge a duplicate after a preview, and read an organisation. */
class ContactStaffPagesTest extends PageTest {

    static final String PERSON = """
            {"id": "c1", "email": "sara@example.org", "firstName": "Sara", "lastName": "Svensson", "organisationName": "TechVilla Oy",
             "organisationId": "o1", "phone": "+358401234567", "language": "sv", "projectIds": ["kasvu"],
             "roles": [{"projectId": "kasvu", "role": "BUSINESS_EXPERT"}],
             "consents": [{"id": "k1", "purpose": "NEWSLETTER", "legalBasis": "CONSENT", "source": "FORM", "textVersion": "nl-2026",
                           "givenAt": "2026-10-01T09:00:00Z", "recordedBy": "registration form"},
                          {"id": "k2", "purpose": "RESEARCH", "legalBasis": "CONSENT", "source": "STAFF", "textVersion": "r-1",
                           "givenAt": "2026-09-01T09:00:00Z", "withdrawnAt": "2026-09-15T09:00:00Z"}],
             "participations": [{"registrationId": "r1", "eventId": "ev-7", "projectId": "kasvu", "status": "ATTENDED",
                                 "at": "2026-11-01T10:00:00Z"},
                                {"registrationId": "r2", "eventId": "ev-hidden", "projectId": "other", "status": "CONFIRMED",
                                 "at": "2026-11-02T10:00:00Z"}]}
            """;
    static final String DUPLICATE = """
            {"id": "c2", "email": "sara.svensson@example.org", "firstName": "Sara", "lastName": "Svensson", "language": "fi",
             "phone": "+358409999999", "consents": [], "participations": [{"registrationId": "r9", "eventId": "ev-7",
             "projectId": "kasvu", "status": "CONFIRMED", "at": "2026-08-01T10:00:00Z"}]}
            """;
    static final String ROLE_NEEDED = """
            {"type": "https://ecosystem.example.org/problems/role-needed", "status": 403, "code": "role-needed",
             "detail": "Changing people needs the role staff, project-manager or admin"}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /api/contacts/c1", 200, PERSON);
        services.answer("GET /api/contacts/c2", 200, DUPLICATE);
        services.answer("GET /api/events/ev-7", 200, "{\"id\": \"ev-7\", \"title\": {\"fi\": \"Kasvuseminaari\", \"sv\": \"Tillväxtseminarium\"}}");
        services.answer("GET /api/projects/kasvu", 200, "{\"id\": \"kasvu\", \"name\": {\"fi\": \"Kasvun ekosysteemit\", \"sv\": \"Tillväxtens ekosystem\"}, \"status\": \"ACTIVE\"}");
    }

    @Test
    void thePersonPageNamesLanguageEventsAndProjectsInTheUsersLanguageWithoutIdsOrCodes() throws Exception {
        String fi = mvc.perform(get("/app/contacts/c1").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fi).contains("<dd id=\"person-language\">ruotsi</dd>", ">Kasvuseminaari</a>", ">Kasvun ekosysteemit</a>",
                "Yritysasiantuntija", "Uutiskirje", "Tutkimus", "ei näy sinulle", "href=\"/app/organisations/o1\"",
                "Peru suostumus: Uutiskirje");
        // no id, code or English enum in what the page shows (they stay in the links' addresses only)
        assertThat(fi).doesNotContain(">ev-7<", ">ev-hidden<", ">kasvu<", ">other<", ">sv<", "NEWSLETTER<", ">c1<", "??");
        // the withdrawn consent has no button, the one in force has
        assertThat(fi).doesNotContain("Peru suostumus: Tutkimus").contains("/app/contacts/c1/consents/k1/withdraw")
                .doesNotContain("/app/contacts/c1/consents/k2/withdraw");

        mvc.perform(get("/app/contacts/c1?lang=sv").with(cityUser("helsinki", "staff")))
                .andExpect(content().string(allOf(containsString("<dd id=\"person-language\">svenska</dd>"),
                        containsString(">Tillväxtseminarium</a>"), containsString("Nyhetsbrev"))));
        mvc.perform(get("/app/contacts/c1?lang=en").with(cityUser("helsinki", "staff")))
                .andExpect(content().string(containsString("<dd id=\"person-language\">Swedish</dd>")));
        // an event organiser reads, but is offered nothing to change
        mvc.perform(get("/app/contacts/c1").with(cityUser("helsinki", "event-organiser")))
                .andExpect(content().string(allOf(containsString("Uutiskirje"), not(containsString("id=\"edit-person\"")),
                        not(containsString("/consents/k1/withdraw")), not(containsString("Kirjaa suostumus")))));
    }

    @Test
    void anEditSendsTheFormAndTheServicesFieldErrorComesBackNextToItsFieldInFinnish() throws Exception {
        mvc.perform(get("/app/contacts/c1/edit").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Svensson\""), containsString("value=\"+358401234567\""),
                        containsString("<option value=\"sv\" selected=\"selected\">ruotsi</option>"))));

        services.answer("PUT /api/contacts/c1", 400, """
                {"type": "https://ecosystem.example.org/problems/invalid-request", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "phone", "code": "AssertTrue", "message": "must be a phone number such as 040 123 4567"}]}
                """);
        mvc.perform(post("/app/contacts/c1").with(cityUser("helsinki", "staff")).param("firstName", "Sara")
                        .param("lastName", "Svensson-Berg").param("email", "sara@example.org").param("phone", "12")
                        .param("organisationName", "TechVilla Oy").param("language", "sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"phone-error\""), containsString("Tarkista tämä tieto."),
                        containsString("value=\"Svensson-Berg\""), not(containsString("must be a phone number")))));

        services.answer("PUT /api/contacts/c1", 200, PERSON);
        mvc.perform(post("/app/contacts/c1").with(cityUser("helsinki", "staff")).param("firstName", "Sara")
                        .param("lastName", "Svensson-Berg").param("email", "sara@example.org").param("phone", "040 123 4567")
                        .param("organisationName", "TechVilla Oy").param("language", "sv"))
                .andExpect(redirectedUrl("/app/contacts/c1"))
                .andExpect(flash().attribute("flash", "contact.saved"));
        assertThat(services.last("PUT", "/api/contacts/c1").body()).contains("\"lastName\":\"Svensson-Berg\"",
                "\"phone\":\"040 123 4567\"", "\"language\":\"sv\"", "\"organisationId\":\"o1\"");
    }

    @Test
    void aRefusalIsShownInTheUsersLanguage() throws Exception {
        services.answer("PUT /api/contacts/c1", 403, ROLE_NEEDED);
        mvc.perform(post("/app/contacts/c1?lang=sv").with(cityUser("helsinki", "event-organiser")).param("lastName", "Svensson"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Du har inte den roll som krävs."),
                        not(containsString("Changing people needs")))));
        services.answer("POST /api/contacts/c1/consents", 403, ROLE_NEEDED);
        mvc.perform(post("/app/contacts/c1/consents").with(cityUser("helsinki", "staff")).param("purpose", "NEWSLETTER")
                        .param("legalBasis", "CONSENT").param("source", "STAFF").param("textVersion", "nl-2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sinulla ei ole tähän tarvittavaa roolia."),
                        containsString("id=\"record-consent\" open"))));
    }

    @Test
    void aConsentIsRecordedWithItsPurposeAndWithdrawn() throws Exception {
        mvc.perform(post("/app/contacts/c1/consents").with(cityUser("helsinki", "staff")).param("legalBasis", "CONSENT")
                        .param("source", "STAFF").param("textVersion", "nl-2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"purpose-error\""), containsString("Täytä tämä kenttä."))));
        assertThat(services.last("POST", "/api/contacts/c1/consents")).isNull();

        services.answer("POST /api/contacts/c1/consents", 200, PERSON);
        mvc.perform(post("/app/contacts/c1/consents").with(cityUser("helsinki", "staff")).param("purpose", "EVENT_COMMUNICATION")
                        .param("legalBasis", "CONSENT").param("source", "STAFF").param("textVersion", "ev-2026"))
                .andExpect(redirectedUrl("/app/contacts/c1#consents"))
                .andExpect(flash().attribute("flash", "consent.recorded"));
        assertThat(services.last("POST", "/api/contacts/c1/consents").body()).contains("\"purpose\":\"EVENT_COMMUNICATION\"",
                "\"source\":\"STAFF\"", "\"textVersion\":\"ev-2026\"");

        services.answer("POST /api/contacts/c1/consents/k1/withdrawal", 200, PERSON);
        mvc.perform(post("/app/contacts/c1/consents/k1/withdraw").with(cityUser("helsinki", "staff")))
                .andExpect(redirectedUrl("/app/contacts/c1#consents"))
                .andExpect(flash().attribute("flash", "consent.withdrawnNow"));
        assertThat(services.last("POST", "/api/contacts/c1/consents/k1/withdrawal")).isNotNull();

        services.answer("POST /api/contacts/c1/consents/k2/withdrawal", 409, """
                {"type": "https://ecosystem.example.org/problems/consent-withdrawn", "status": 409, "code": "consent-withdrawn",
                 "detail": "The consent was withdrawn already"}
                """);
        mvc.perform(post("/app/contacts/c1/consents/k2/withdraw").with(cityUser("helsinki", "staff")))
                .andExpect(flash().attribute("problem", "problem.consent-withdrawn"));
    }

    @Test
    void aMergeOffersTheCallersCandidatesShowsBothSideBySideAndNeedsTheConfirmation() throws Exception {
        services.answer("GET /api/contacts/c1/duplicates", 200, """
                [{"id": "c2", "firstName": "Sara", "lastName": "Svensson", "email": "sara.svensson@example.org", "matchedOn": ["name"]}]
                """);
        mvc.perform(get("/app/contacts/c1/merge").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("sara.svensson@example.org"), containsString("Sama: </span><span>nimi"),
                        containsString("href=\"/app/contacts/c1/merge?duplicate=c2\""), containsString("Esikatsele yhdistäminen: Sara Svensson"))));

        String preview = mvc.perform(get("/app/contacts/c1/merge?duplicate=c2").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"survivor\"", "id=\"duplicate\"", "Tämä henkilö säilyy", "Yhdistetään edelliseen",
                "sara@example.org", "sara.svensson@example.org", "+358409999999", "ruotsi", "suomi",
                "name=\"duplicateId\" value=\"c2\"", "name=\"confirmed\" value=\"true\"", "Kyllä, yhdistä henkilöt");
        assertThat(services.last("POST", "/api/contacts/c1/merge")).isNull();

        // without the confirmation nothing is merged: back to the preview
        mvc.perform(post("/app/contacts/c1/merge").with(cityUser("helsinki", "staff")).param("duplicateId", "c2"))
                .andExpect(redirectedUrl("/app/contacts/c1/merge?duplicate=c2"));
        assertThat(services.last("POST", "/api/contacts/c1/merge")).isNull();

        services.answer("POST /api/contacts/c1/merge", 200, PERSON);
        mvc.perform(post("/app/contacts/c1/merge").with(cityUser("helsinki", "staff")).param("duplicateId", "c2").param("confirmed", "true"))
                .andExpect(redirectedUrl("/app/contacts/c1"))
                .andExpect(flash().attribute("flash", "contact.merged"));
        assertThat(services.last("POST", "/api/contacts/c1/merge").body()).isEqualTo("{\"duplicateId\":\"c2\"}");

        // someone the caller does not see: the service's 404, said in the user's language
        services.answer("POST /api/contacts/c1/merge", 404, """
                {"type": "https://ecosystem.example.org/problems/not-found", "status": 404, "code": "not-found", "detail": "Contact c3"}
                """);
        mvc.perform(post("/app/contacts/c1/merge?lang=en").with(cityUser("helsinki", "staff")).param("duplicateId", "c3").param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Not found."), not(containsString("Contact c3")))));
    }

    @Test
    void theOrganisationPageShowsItsPeopleAPageAtATimeAndOnlyTheProjectsTheCallerSees() throws Exception {
        services.answer("GET /api/organisations/o1", 200, """
                {"id": "o1", "type": "COMPANY", "name": {"fi": "TechVilla Oy"}, "businessId": "1234567-1",
                 "address": {"street": "Tekniikantie 1", "postalCode": "02150", "city": "Espoo"}, "projectIds": ["kasvu", "oulun-hanke"]}
                """);
        services.answer("GET /api/contacts", 200, "{\"items\": [" + PERSON + "], \"page\": 1, \"size\": 50, \"totalItems\": 51, \"totalPages\": 2}");
        String page = mvc.perform(get("/app/organisations/o1?page=1").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("TechVilla Oy", "Yritys", "Tekniikantie 1 02150 Espoo", ">Kasvun ekosysteemit</a>",
                "Svensson, Sara", "51–51 / 51", "href=\"/app/organisations/o1?page=0\"").doesNotContain("oulun-hanke", "?page=2");
        assertThat(services.last("GET", "/api/contacts?").path()).contains("organisationId=o1", "size=50", "page=1");
    }
}
