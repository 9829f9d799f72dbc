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

/** The reporting periods page against a stubbed projects service. */
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
                               "cause": "event seminar", "recordedAt": "2019-09-02T08:00:00Z"}]},
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
