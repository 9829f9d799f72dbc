package fi.ecosystem.web.projects;

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
import org.springframework.test.web.servlet.MvcResult;

/** A project manager's forms: funding, partners, cities, work packages, indicators, reports, status, audit trail. */
class ProjectManagementPagesTest extends PageTest {

    /** As the demo data holds it: a funder whose amount is not known, a lead city and five others. */
    static final String KASVU = """
            {"id": "kasvu", "acronym": "KASVU", "name": {"fi": "Kasvun ekosysteemit", "sv": "Tillväxtekosystem"}, "status": "ACTIVE", "statusChanges": ["ENDED"],
             "startDate": "2018-08-01", "endDate": "2021-06-30", "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo", "vantaa"],
             "totalBudgetEur": 4400000, "funding": [{"funder": "6Aika", "programme": null, "amountEur": null}],
             "partners": [{"organisation": "Helsingin kaupunki", "city": "helsinki", "role": "LEAD"},
                          {"organisation": "Pirkanmaan liitto", "city": null, "role": "CO_IMPLEMENTER"}],
             "themes": [], "contacts": [{"name": "Maija Esimerkki", "role": "PROJECT_MANAGER", "organisation": "Helsingin kaupunki",
                                         "email": "maija.esimerkki@example.org"}], "publications": [],
             "workPackages": [{"number": 1, "title": {"fi": "Kasvuohjelmat"}, "deliverables": []}],
             "indicators": [{"code": "growth", "name": {"fi": "Kasvuohjelmat", "sv": "Tillväxtprogram"}, "unit": "pcs", "target": 8, "baseline": 0,
                             "actual": 8, "feed": "REPORTED", "history": [{"period": "2021-H1", "value": 8, "reportedBy": "Aino Virtanen",
                                                                            "reportedAt": "2021-06-30T12:00:00Z"}]},
                            {"code": "reached", "name": {"fi": "Tavoitetut osallistujat"}, "unit": "persons", "target": 500, "baseline": 0,
                             "actual": 120, "feed": "PARTICIPANTS_REACHED", "history": []}]}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /api/projects/cities", 200, Cities.JSON);
        services.answer("GET /api/projects/kasvu", 200, KASVU);
        services.answer("GET /api/events", 200, "{\"items\": [], \"page\": 0, \"size\": 200, \"totalItems\": 0, \"totalPages\": 0}");
    }

    /** Posts the edit form as the browser sends it after opening it, changing nothing. */
    private MvcResult saveUnchanged(String city) throws Exception {
        return mvc.perform(post("/app/projects/kasvu").with(cityUser(city, "staff", "project-manager"))
                        .param("acronym", "KASVU").param("nameFi", "Kasvun ekosysteemit").param("nameSv", "Tillväxtekosystem")
                        .param("startDate", "2018-08-01").param("endDate", "2021-06-30").param("leadCity", "helsinki")
                        .param("participatingCities", "helsinki", "espoo", "vantaa").param("_participatingCities", "on")
                        .param("totalBudgetEur", "4400000").param("_themes", "on")
                        .param("partners[0].organisation", "Helsingin kaupunki").param("partners[0].role", "LEAD").param("partners[0].city", "helsinki")
                        .param("partners[1].organisation", "Pirkanmaan liitto").param("partners[1].role", "CO_IMPLEMENTER").param("partners[1].city", "")
                        .param("partners[2].organisation", "").param("partners[2].role", "").param("partners[2].city", "")
                        .param("funding[0].funder", "6Aika").param("funding[0].programme", "").param("funding[0].amountEur", "")
                        .param("funding[1].funder", "").param("funding[1].programme", "").param("funding[1].amountEur", "")
                        .param("contacts[0].name", "Maija Esimerkki").param("contacts[0].role", "PROJECT_MANAGER")
                        .param("contacts[0].organisation", "Helsingin kaupunki").param("contacts[0].email", "maija.esimerkki@example.org"))
                .andReturn();
    }

    @Test
    void theDemoProjectSavedUnchangedSendsWhatItHoldsAndAFundingWithoutAmount() throws Exception {
        mvc.perform(get("/app/projects/kasvu/edit").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"6Aika\""), containsString("id=\"funding-0-amountEur\""),
                        containsString("<option value=\"helsinki\" selected=\"selected\">Helsinki</option>"),
                        containsString("value=\"espoo\" id=\"participatingCities1\" name=\"participatingCities\" checked=\"checked\""), containsString("id=\"partners-2-organisation\""),
                        not(containsString("??")))));
        services.answer("PUT /api/projects/kasvu", 200, KASVU);
        assertThat(saveUnchanged("helsinki").getResponse().getRedirectedUrl()).isEqualTo("/app/projects/kasvu");
        assertThat(services.last("PUT", "/api/projects/kasvu").body()).contains(
                "\"funding\":[{\"funder\":\"6Aika\",\"programme\":null,\"amountEur\":null}]",
                "{\"organisation\":\"Pirkanmaan liitto\",\"city\":null,\"role\":\"CO_IMPLEMENTER\"}",
                "\"participatingCities\":[\"helsinki\",\"espoo\",\"vantaa\"]", "\"themes\":[]", "maija.esimerkki@example.org");
    }

    @Test
    void theServicesFieldErrorsGoToTheRowTypedInTheUsersLanguage() throws Exception {
        // the service numbers the rows it got; the empty partner row 2 was never sent, the contact row is 0
        services.answer("PUT /api/projects/kasvu", 400, """
                {"type": "https://ecosystem.example.org/problems/validation", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "funding[0].amountEur", "message": "must be greater than or equal to 0", "code": "Min"},
                            {"field": "contacts[0].email", "message": "must be a well-formed email address", "code": "Email"}]}
                """);
        String page = saveUnchanged("helsinki").getResponse().getContentAsString();
        assertThat(page).contains("id=\"funding-0-amountEur-error\">Luku on liian pieni.",
                "id=\"contacts-0-email-error\">Anna sähköpostiosoite muodossa nimi@esimerkki.fi.")
                .doesNotContain("The request has invalid fields", "must be");
    }

    @Test
    void anotherCityThanTheLeadSeesTheCitiesReadOnlyAndCannotChangeThem() throws Exception {
        mvc.perform(get("/app/projects/kasvu/edit?lang=sv").with(cityUser("espoo", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"cities-read-only\""), containsString("<dd>Esbo, Helsingfors, Vanda</dd>"),
                        containsString("type=\"hidden\" name=\"participatingCities\" value=\"vantaa\""),
                        not(containsString("id=\"leadCity\"")))));
        services.answer("PUT /api/projects/kasvu", 200, KASVU);
        mvc.perform(post("/app/projects/kasvu").with(cityUser("espoo", "staff", "project-manager"))
                        .param("acronym", "KASVU").param("nameFi", "Kasvun ekosysteemit").param("startDate", "2018-08-01")
                        .param("leadCity", "espoo").param("participatingCities", "espoo"))
                .andExpect(redirectedUrl("/app/projects/kasvu"));
        assertThat(services.last("PUT", "/api/projects/kasvu").body())
                .contains("\"leadCity\":\"helsinki\"", "\"participatingCities\":[\"helsinki\",\"espoo\",\"vantaa\"]");
    }

    @Test
    void aWorkPackageWithDeliverablesIsSavedUnderTheNextNumber() throws Exception {
        mvc.perform(get("/app/projects/kasvu/work-packages/new").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"number\""), containsString("value=\"2\""),
                        containsString("id=\"deliverables-1-dueDate\""), containsString(">myöhässä</option>"), not(containsString("??")))));
        mvc.perform(post("/app/projects/kasvu/work-packages").with(cityUser("helsinki", "staff", "project-manager")).param("number", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"titleFi-error\">Anna nimi ainakin yhdellä kielellä.")));
        assertThat(services.last("PUT", "/api/projects/kasvu/work-packages")).isNull();

        services.answer("PUT /api/projects/kasvu/work-packages/2", 200, KASVU);
        mvc.perform(post("/app/projects/kasvu/work-packages").with(cityUser("helsinki", "staff", "project-manager"))
                        .param("number", "2").param("titleFi", "Viestintä").param("responsiblePartner", "Espoon kaupunki")
                        .param("deliverables[0].title", "").param("deliverables[0].dueDate", "").param("deliverables[0].status", "")
                        .param("deliverables[1].title", "Viestintäsuunnitelma").param("deliverables[1].dueDate", "2026-03-31")
                        .param("deliverables[1].status", "IN_PROGRESS"))
                .andExpect(redirectedUrl("/app/projects/kasvu#work-packages"));
        assertThat(services.last("PUT", "/api/projects/kasvu/work-packages/2").body()).contains("\"fi\":\"Viestintä\"",
                "\"deliverables\":[{\"title\":\"Viestintäsuunnitelma\",\"dueDate\":\"2026-03-31\",\"status\":\"IN_PROGRESS\"}]");
    }

    @Test
    void aReportedValueForAPeriodGoesToTheServiceAndItsRefusalIsShownInTheUsersLanguage() throws Exception {
        mvc.perform(post("/app/projects/kasvu/indicators/growth/report").with(cityUser("helsinki", "staff", "project-manager"))
                        .param("period", "2025-7").param("value", "9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"period-error\">Anna kausi muodossa 2025, 2025-H1, 2025-Q3 tai 2025-05.")));
        assertThat(services.last("POST", "/api/projects/kasvu/indicators")).isNull();

        services.answer("POST /api/projects/kasvu/indicators/growth/values", 200, KASVU);
        mvc.perform(post("/app/projects/kasvu/indicators/growth/report").with(cityUser("helsinki", "staff", "project-manager"))
                        .param("period", "2025-H2").param("value", "9"))
                .andExpect(redirectedUrl("/app/projects/kasvu#indicator-growth"));
        assertThat(services.last("POST", "/api/projects/kasvu/indicators/growth/values").body())
                .contains("\"period\":\"2025-H2\"", "\"value\":9");

        services.answer("POST /api/projects/kasvu/indicators/reached/values", 409, """
                {"type": "https://ecosystem.example.org/problems/indicator-live", "status": 409, "code": "indicator-live",
                 "detail": "This indicator is counted live"}
                """);
        mvc.perform(post("/app/projects/kasvu/indicators/reached/report?lang=sv").with(cityUser("helsinki", "staff", "project-manager"))
                        .param("period", "2025").param("value", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Den här indikatorns utfall räknas automatiskt"),
                        not(containsString("counted live")))));
    }

    @Test
    void theProjectPageOffersTheManagersActionsAndShowsUnitsAndCitiesInTheUsersLanguage() throws Exception {
        mvc.perform(get("/app/projects/kasvu?lang=sv").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("8 / mål 8 st."), containsString("<dd id=\"lead-city\">Helsingfors</dd>"),
                        containsString("<dd id=\"participating-cities\">Esbo, Helsingfors, Vanda</dd>"), containsString("okänt"),
                        containsString("href=\"/app/projects/kasvu/indicators/growth/report\""),
                        not(containsString("href=\"/app/projects/kasvu/indicators/reached/report\"")),
                        containsString("href=\"/app/projects/kasvu/work-packages/new\""), containsString("href=\"/app/projects/kasvu/audit\""),
                        containsString("<option value=\"ENDED\">Avslutat</option>"), containsString("Aino Virtanen, 30.6.2021 15.00"),
                        not(containsString("pcs")), not(containsString("??")))));
        mvc.perform(get("/app/projects/kasvu").with(cityUser("helsinki", "staff")))
                .andExpect(content().string(allOf(containsString("Kasvun ekosysteemit"), not(containsString("/work-packages/new")),
                        not(containsString("/audit\"")))));
    }

    @Test
    void aStatusChangeTheServiceRefusesSaysWhyOnTheProjectPage() throws Exception {
        services.answer("PUT /api/projects/kasvu/status", 409, """
                {"type": "https://ecosystem.example.org/problems/status-transition", "status": 409, "code": "status-transition",
                 "detail": "ACTIVE cannot become PLANNED"}
                """);
        mvc.perform(post("/app/projects/kasvu/status").with(cityUser("helsinki", "staff", "project-manager")).param("status", "PLANNED"))
                .andExpect(redirectedUrl("/app/projects/kasvu"))
                .andExpect(flash().attribute("flashError", "problem.status-transition"));
        assertThat(services.last("PUT", "/api/projects/kasvu/status").body()).isEqualTo("{\"status\":\"PLANNED\"}");
        mvc.perform(get("/app/projects/kasvu").with(cityUser("helsinki", "staff", "project-manager")).flashAttr("flashError", "problem.status-transition"))
                .andExpect(content().string(containsString("Hanke ei voi siirtyä tähän tilaan nykyisestä tilastaan.")));
    }

    @Test
    void theAuditTrailIsPagedAndReadsInTheUsersLanguage() throws Exception {
        services.answer("GET /api/projects/kasvu/audit", 200, """
                {"items": [{"id": "a2", "projectId": "kasvu", "at": "2025-07-01T09:30:00Z", "actor": "u1", "actorName": "Aino Virtanen",
                            "action": "indicator growth reported for 2025-H1",
                            "changes": [{"field": "indicators", "before": [], "after": [{"code": "growth"}]}]},
                           {"id": "a1", "projectId": "kasvu", "at": "2025-06-01T09:30:00Z", "actor": "u1", "actorName": "Aino Virtanen",
                            "action": "status changed", "changes": [{"field": "status", "before": "PLANNED", "after": "ACTIVE"}]}],
                 "page": 1, "size": 50, "totalItems": 102, "totalPages": 3}
                """);
        mvc.perform(get("/app/projects/kasvu/audit?page=1&lang=en").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("102 changes"), containsString("Value of indicator growth reported for 2025-H1"),
                        containsString("Status changed"), containsString("Indicators"), containsString(">Planned</span> → <span class=\"change-after\">Active<"), containsString("1.7.2025 12.30"),
                        containsString("href=\"/app/projects/kasvu/audit?page=0\""), containsString("href=\"/app/projects/kasvu/audit?page=2\""),
                        not(containsString(">indicator growth")), not(containsString("??")))));
        assertThat(services.last("GET", "/api/projects/kasvu/audit").path()).contains("page=1", "size=50");
    }

    @Test
    void anIndicatorIsDefinedWithItsUnitAndFeed() throws Exception {
        services.answer("PUT /api/projects/kasvu/indicators/companies", 200, KASVU);
        mvc.perform(post("/app/projects/kasvu/indicators").with(cityUser("helsinki", "staff", "project-manager"))
                        .param("code", "companies").param("nameFi", "Tuetut yritykset").param("unit", "companies")
                        .param("target", "40").param("baseline", "").param("feed", "REPORTED"))
                .andExpect(redirectedUrl("/app/projects/kasvu#indicators"));
        assertThat(services.last("PUT", "/api/projects/kasvu/indicators/companies").body()).contains("\"fi\":\"Tuetut yritykset\"",
                "\"unit\":\"companies\"", "\"target\":40", "\"baseline\":0", "\"feed\":\"REPORTED\"");
    }

    @Test
    void aCityTheListDoesNotNameYetIsKeptOnTheForm() throws Exception {
        services.answer("GET /api/projects/lapua", 200, KASVU.replace("\"id\": \"kasvu\"", "\"id\": \"lapua\"")
                .replace("[\"helsinki\", \"espoo\", \"vantaa\"]", "[\"helsinki\", \"lapua\"]")
                .replace("\"city\": null", "\"city\": \"lapua\""));
        mvc.perform(get("/app/projects/lapua/edit").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"lapua\" id=\"participatingCities"), containsString(">lapua</label>"),
                        containsString("<option value=\"lapua\" selected=\"selected\">lapua</option>"))));
    }
}
