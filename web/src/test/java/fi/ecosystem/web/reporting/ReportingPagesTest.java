package fi.ecosystem.web.reporting;

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

/** The reporting periods page and the lists behind its figures against a stubbed projects service. */
class ReportingPagesTest extends PageTest {

    static final String FIGURES_OPEN = """
            [{"figure": "EVENTS_HELD", "periodValue": 0, "cumulativeValue": 2},
             {"figure": "PARTICIPANTS_REACHED", "periodValue": 0, "cumulativeValue": 3},
             {"figure": "ENTERPRISES_SUPPORTED", "periodValue": 0, "cumulativeValue": 2},
             {"figure": "GROWTH_PROGRAMME_COMPLETIONS", "periodValue": 0, "cumulativeValue": 1}]""";
    static final String PERIODS = """
            [{"label": "2019-H1", "startDate": "2019-01-01", "endDate": "2019-06-30", "status": "LOCKED",
              "lockedBy": "Aino Virtanen", "lockedAt": "2019-07-15T09:00:00Z", "someFieldAddedLater": true,
              "figures": [{"figure": "EVENTS_HELD", "periodValue": 2, "cumulativeValue": 2, "lockedPeriodValue": 2, "lockedCumulativeValue": 2},
                          {"figure": "PARTICIPANTS_REACHED", "periodValue": 3, "cumulativeValue": 3, "lockedPeriodValue": 2, "lockedCumulativeValue": 2},
                          {"figure": "ENTERPRISES_SUPPORTED", "periodValue": 2, "cumulativeValue": 2, "lockedPeriodValue": 1, "lockedCumulativeValue": 1},
                          {"figure": "GROWTH_PROGRAMME_COMPLETIONS", "periodValue": 1, "cumulativeValue": 1, "lockedPeriodValue": 1, "lockedCumulativeValue": 1}],
              "corrections": [{"figure": "PARTICIPANTS_REACHED", "periodDelta": 1, "cumulativeDelta": 1, "reason": "late-attendance",
                               "cause": "event seminar", "recordedAt": "2019-09-02T08:00:00Z"},
                              {"figure": "ENTERPRISES_SUPPORTED", "periodDelta": 1, "cumulativeDelta": 1, "reason": "manual",
                               "recordedAt": "2019-09-03T08:00:00Z", "note": "Y-tunnus ilmoitettiin jälkikäteen",
                               "recordedBy": "Aino Virtanen"}]},
             {"label": "2019-H2", "startDate": "2019-07-01", "endDate": "2019-12-31", "status": "SUBMITTED",
              "figures": %s, "corrections": []},
             {"label": "2020-H1", "startDate": "2020-01-01", "endDate": "2020-06-30", "status": "OPEN",
              "figures": %s, "corrections": []}]
            """.formatted(FIGURES_OPEN, FIGURES_OPEN);

    @BeforeEach
    void stubs() {
        services.answer("GET /api/projects/kasvu", 200, """
                {"id": "kasvu", "acronym": "KASVU", "name": {"fi": "Kasvun ekosysteemit", "en": "Growth Ecosystems"},
                 "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo"]}""");
        services.answer("GET /api/projects/kasvu/reporting-periods", 200, PERIODS);
    }

    @Test
    void thePageShowsEachPeriodsFiguresTheLockedOnesWithTheirCorrectionsAndTheReportPack() throws Exception {
        mvc.perform(get("/app/projects/kasvu/reporting?lang=en").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Reporting periods"), containsString("Growth Ecosystems"),
                        containsString("Locked by Aino Virtanen"), containsString("Participants reached"),
                        containsString("Corrections after locking"), containsString("2.9.2019: Participants reached +1 (late check-in)"),
                        containsString("href=\"/api/projects/kasvu/reporting-periods/2019-H1/report.xlsx?lang=en\""),
                        containsString("href=\"/api/projects/kasvu/reporting-periods/2019-H1/report.pdf?lang=en\""),
                        containsString("Lock 2019-H2"), containsString("Reopen 2019-H2"), containsString("Submit 2020-H1"),
                        not(containsString("Submit 2019-H1")), not(containsString("Lock 2020-H1")), not(containsString("??")))));
        mvc.perform(get("/app/projects/kasvu/reporting?lang=sv").with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rapporteringsperioder"), containsString("Nådda deltagare"),
                        not(containsString("Lås period")), not(containsString("??")))));
    }

    @Test
    void everyFigureLinksToTheListBehindItAndManagersGetThePeriodForms() throws Exception {
        mvc.perform(get("/app/projects/kasvu/reporting?lang=en").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/app/projects/kasvu/reporting/2019-H1/figures/PARTICIPANTS_REACHED\""),
                        containsString("href=\"/app/projects/kasvu/reporting/2019-H1/figures/ENTERPRISES_SUPPORTED?cumulative=true\""),
                        containsString("href=\"/app/projects/kasvu/reporting/2020-H1/figures/GROWTH_PROGRAMME_COMPLETIONS\""),
                        containsString("href=\"/app/projects/kasvu/reporting/2019-H2/attendance\""),
                        containsString("3.9.2019: Enterprises supported +1 (manual correction)"),
                        containsString("Y-tunnus ilmoitettiin jälkikäteen"), containsString("(Aino Virtanen; cumulative value +1)"),
                        containsString("Correct a figure of 2019-H1"), not(containsString("Correct a figure of 2020-H1")),
                        containsString("Remove 2020-H1"), not(containsString("Remove 2019-H1")), not(containsString("Remove 2019-H2")),
                        containsString("Add a reporting period"), not(containsString("??")))));
        mvc.perform(get("/app/projects/kasvu/reporting?lang=fi").with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/app/projects/kasvu/reporting/2019-H1/figures/EVENTS_HELD"),
                        not(containsString("Lisää raportointikausi")), not(containsString("Poista 2020-H1")),
                        not(containsString("??")))));
    }

    @Test
    void theListBehindAFigureIsPagedTranslatedAndNamesPeopleOnlyPseudonymously() throws Exception {
        services.answer("GET /api/projects/kasvu/reporting-periods/2019-H1", 200, """
                {"label": "2019-H1", "startDate": "2019-01-01", "endDate": "2019-06-30", "status": "LOCKED", "figures": [], "corrections": []}""");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"figure": "PARTICIPANTS_REACHED", "key": "a1b2c3d4e5%02d", "label": "a1b2c3d4e5%02d", "countsOn": "2019-03-10",
                     "eventId": "programme", "attendances": 2, "recordedAt": "2019-03-10T10:00:00Z", "afterLock": %s}"""
                    .formatted(i, i, i == 0));
        }
        services.answer("GET /api/projects/kasvu/reporting-periods/2019-H1/figures/PARTICIPANTS_REACHED", 200,
                "{\"items\": [" + items + "], \"page\": 0, \"size\": 50, \"totalItems\": 51, \"totalPages\": 2}");
        mvc.perform(get("/app/projects/kasvu/reporting/2019-H1/figures/PARTICIPANTS_REACHED?lang=sv")
                        .with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nådda deltagare, 2019-H1"),
                        containsString("Deltagare (pseudonym nyckel)"), containsString("a1b2c3d4e500"), containsString("a1b2c3d4e549"),
                        containsString("1–50 av 51"),
                        containsString("href=\"/app/projects/kasvu/reporting/2019-H1/figures/PARTICIPANTS_REACHED?page=1\""),
                        containsString("href=\"/app/projects/kasvu/reporting/2019-H1/attendance\""),
                        not(containsString("@example.org")), not(containsString("??")))));
        assertThat(services.last("GET", "/api/projects/kasvu/reporting-periods/2019-H1/figures/PARTICIPANTS_REACHED").path())
                .contains("cumulative=false", "page=0", "size=50");

        services.answer("GET /api/projects/kasvu/reporting-periods/2019-H1/figures/ENTERPRISES_SUPPORTED", 200, """
                {"items": [{"figure": "ENTERPRISES_SUPPORTED", "key": "2345678-6", "label": "Esimerkki Oy", "countsOn": "2019-02-01",
                            "eventId": "programme", "businessId": "2345678-6", "attendances": 3, "afterLock": true}],
                 "page": 0, "size": 50, "totalItems": 1, "totalPages": 1}""");
        mvc.perform(get("/app/projects/kasvu/reporting/2019-H1/figures/ENTERPRISES_SUPPORTED?cumulative=true&lang=en")
                        .with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Enterprises supported, cumulative to the end of 2019-H1"),
                        containsString("2345678-6"), containsString("Esimerkki Oy"), containsString("1–1 of 1"),
                        not(containsString("rel=\"next\"")), not(containsString("??")))));
        assertThat(services.last("GET", "/api/projects/kasvu/reporting-periods/2019-H1/figures/ENTERPRISES_SUPPORTED").path())
                .contains("cumulative=true");

        services.answer("GET /api/projects/kasvu/reporting-periods/2019-H1/attendance", 200, """
                {"items": [{"eventId": "programme", "event": "Tillväxtprogram", "sessionId": "s1", "heldOn": "2019-03-10", "people": 12}],
                 "page": 0, "size": 50, "totalItems": 1, "totalPages": 1}""");
        mvc.perform(get("/app/projects/kasvu/reporting/2019-H1/attendance?lang=sv").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Deltagande per tillfälle, 2019-H1"),
                        containsString("Tillväxtprogram"), containsString("Incheckade personer"), containsString(">12<"),
                        not(containsString("??")))));
        assertThat(services.last("GET", "/api/projects/kasvu/reporting-periods/2019-H1/attendance").path()).contains("lang=sv");

        mvc.perform(get("/app/projects/kasvu/reporting/2019-H1/figures/NOT_A_FIGURE").with(cityUser("helsinki", "staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aManagerAddsRemovesAndCorrectsPeriodsAndTheServicesRefusalsComeBackAsMessages() throws Exception {
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        services.answer("POST /api/projects/kasvu/reporting-periods", 201, "{\"label\": \"2020-Q3\", \"status\": \"OPEN\", \"figures\": []}");
        mvc.perform(post("/app/projects/kasvu/reporting/periods").with(cityUser("helsinki", "staff", "project-manager")).with(csrf)
                        .param("label", "2020-Q3").param("startDate", "2020-07-01").param("endDate", "2020-09-30"))
                .andExpect(redirectedUrl("/app/projects/kasvu/reporting"))
                .andExpect(flash().attribute("flash", "reporting.done.added"));
        assertThat(services.last("POST", "/api/projects/kasvu/reporting-periods").body())
                .contains("\"label\":\"2020-Q3\"", "\"startDate\":\"2020-07-01\"", "\"endDate\":\"2020-09-30\"");

        services.answer("POST /api/projects/kasvu/reporting-periods", 409, "{\"status\": 409, \"code\": \"reporting-period-overlap\"}");
        mvc.perform(post("/app/projects/kasvu/reporting/periods").with(cityUser("helsinki", "staff", "project-manager")).with(csrf)
                        .param("label", "2019-Q1").param("startDate", "2019-01-01").param("endDate", "2019-03-31"))
                .andExpect(flash().attribute("flashError", "problem.reporting-period-overlap"));
        int before = services.requests().size();
        mvc.perform(post("/app/projects/kasvu/reporting/periods").with(cityUser("helsinki", "staff", "project-manager")).with(csrf)
                        .param("label", "2019-Q1").param("startDate", "1.1.2019").param("endDate", ""))
                .andExpect(flash().attribute("flashError", "problem.reporting-form-invalid"));
        assertThat(services.requests()).hasSize(before);

        services.answer("DELETE /api/projects/kasvu/reporting-periods/2020-H1", 204, "");
        mvc.perform(post("/app/projects/kasvu/reporting/2020-H1/removal").with(cityUser("helsinki", "staff", "project-manager")).with(csrf))
                .andExpect(flash().attribute("flash", "reporting.done.removed"));
        assertThat(services.last("DELETE", "/api/projects/kasvu/reporting-periods/2020-H1")).isNotNull();

        services.answer("POST /api/projects/kasvu/reporting-periods/2019-H1/corrections", 200,
                "{\"label\": \"2019-H1\", \"status\": \"LOCKED\", \"figures\": []}");
        mvc.perform(post("/app/projects/kasvu/reporting/2019-H1/corrections").with(cityUser("helsinki", "staff", "project-manager"))
                        .with(csrf).param("figure", "ENTERPRISES_SUPPORTED").param("periodDelta", "1").param("cumulativeDelta", "+1")
                        .param("reason", " Y-tunnus ilmoitettiin jälkikäteen "))
                .andExpect(flash().attribute("flash", "reporting.done.corrected"));
        assertThat(services.last("POST", "/api/projects/kasvu/reporting-periods/2019-H1/corrections").body())
                .contains("\"figure\":\"ENTERPRISES_SUPPORTED\"", "\"periodDelta\":1", "\"cumulativeDelta\":1",
                        "\"reason\":\"Y-tunnus ilmoitettiin jälkikäteen\"");
        services.answer("POST /api/projects/kasvu/reporting-periods/2019-H1/corrections", 400,
                "{\"status\": 400, \"type\": \"https://ecosystem.example.org/problems/validation\", \"errors\": [{\"field\": \"reason\", \"code\": \"Size\"}]}");
        mvc.perform(post("/app/projects/kasvu/reporting/2019-H1/corrections").with(cityUser("helsinki", "staff", "project-manager"))
                        .with(csrf).param("figure", "ENTERPRISES_SUPPORTED").param("periodDelta", "1").param("cumulativeDelta", "1")
                        .param("reason", "x".repeat(1001)))
                .andExpect(flash().attribute("flashError", "problem.reporting-form-invalid"));
    }

    @Test
    void aLockTheServiceRefusesComesBackAsAMessageAndOneItTakesSaysSo() throws Exception {
        services.answer("POST /api/projects/kasvu/reporting-periods/2019-H2/lock", 403,
                "{\"status\": 403, \"code\": \"reporting-lead-city-only\"}");
        mvc.perform(post("/app/projects/kasvu/reporting/2019-H2/lock").with(cityUser("espoo", "staff", "project-manager"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/app/projects/kasvu/reporting"))
                .andExpect(flash().attribute("flashError", "problem.reporting-lead-city-only"));

        services.answer("POST /api/projects/kasvu/reporting-periods/2019-H2/lock", 200,
                "{\"label\": \"2019-H2\", \"status\": \"LOCKED\", \"figures\": []}");
        mvc.perform(post("/app/projects/kasvu/reporting/2019-H2/lock").with(cityUser("helsinki", "staff", "project-manager"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/app/projects/kasvu/reporting"))
                .andExpect(flash().attribute("flash", "reporting.done.lock"));
        assertThat(services.last("POST", "/api/projects/kasvu/reporting-periods/2019-H2/lock")).isNotNull();
    }
}
