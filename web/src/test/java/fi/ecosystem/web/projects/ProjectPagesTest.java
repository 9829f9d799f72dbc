package fi.ecosystem.web.projects;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Project list, project page and the project form against a stubbed projects service. */
class ProjectPagesTest extends PageTest {

    static final String PROJECT = """
            {"id": "hri", "acronym": "HRI", "name": {"fi": "Helsinki Ring of Industry"}, "description": {"fi": "Ensimmäinen kappale.\\n\\nToinen kappale."},
             "status": "ENDED", "startDate": "2021-01-01", "endDate": "2023-12-31", "leadCity": "hyvinkaa",
             "participatingCities": ["hyvinkaa", "kerava"], "totalBudgetEur": 1250000,
             "funding": [{"funder": "Uudenmaan liitto", "programme": "Alueiden kestävä kasvu", "amountEur": 1000000}],
             "partners": [{"organisation": "TechVilla Oy", "city": "hyvinkaa", "role": "LEAD"}],
             "themes": ["MANUFACTURING", "DATA_CENTRES"], "contacts": [{"name": "Paula Projektipäällikkö", "role": "Projektipäällikkö", "email": "paula@example.org"}],
             "publications": [], "workPackages": [{"number": 1, "title": {"fi": "Tilannekuva"}, "responsiblePartner": "TechVilla Oy",
               "deliverables": [{"title": "Toimijakartta", "dueDate": "2022-06-30", "status": "DONE"}]}],
             "indicators": [{"code": "impressions", "name": {"fi": "LinkedIn-näyttökerrat"}, "unit": "kpl", "target": 185000, "baseline": 0,
               "actual": 190000, "feed": "REPORTED", "history": [{"period": "2022", "value": 90000, "reportedBy": "paula", "reportedAt": "2023-01-10T10:00:00Z"},
                                                               {"period": "2023", "value": 190000, "reportedBy": "paula", "reportedAt": "2024-01-10T10:00:00Z"}]}],
             "continues": null, "continuedBy": "hri-2024"}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /api/projects/cities", 200, Cities.JSON);
        services.answer("GET /api/projects", 200, "{\"items\": [" + PROJECT + "], \"page\": 0, \"size\": 50, \"totalItems\": 1, \"totalPages\": 1}");
        services.answer("GET /api/projects/hri", 200, PROJECT);
        services.answer("GET /api/events", 200, "{\"items\": [], \"page\": 0, \"size\": 200, \"totalItems\": 0, \"totalPages\": 0}");
    }

    @Test
    void theListPassesTheFiltersToTheService() throws Exception {
        mvc.perform(get("/app/projects?q=ring ind&status=ENDED&theme=MANUFACTURING&city=kerava").with(cityUser("hyvinkaa", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Helsinki Ring of Industry"), containsString("1\u00a0250\u00a0000 €"),
                        containsString("1.1.2021 – 31.12.2023"), containsString("1 hanketta"), containsString("<td>Hyvinkää</td>"),
                        containsString("href=\"/api/projects/export.xlsx?lang=fi&amp;q=ring%20ind&amp;status=ENDED&amp;theme=MANUFACTURING&amp;city=kerava\""),
                        containsString("href=\"/api/projects/export.csv?lang=fi&amp;q=ring%20ind"), not(containsString("??")))));
        assertThat(services.last("GET", "/api/projects?").path())
                .contains("q=ring%20ind", "status=ENDED", "theme=MANUFACTURING", "city=kerava");
        mvc.perform(get("/app/projects").with(cityUser("hyvinkaa", "staff"))).andExpect(status().isOk());
        assertThat(services.last("GET", "/api/projects?").path()).isEqualTo("/api/projects?size=50&page=0");
    }

    @Test
    void theProjectPageShowsPartnersWorkPackagesIndicatorsWithTheirHistoryAndTheContinuation() throws Exception {
        mvc.perform(get("/app/projects/hri?lang=en").with(cityUser("hyvinkaa", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("TechVilla Oy"), containsString("Lead implementer"),
                        containsString("WP1: Tilannekuva"), containsString("Toimijakartta"), containsString("(30.6.2022)"),
                        containsString("Actual 190,000 / target 185,000 kpl (103 %)"), containsString("<polyline"),
                        containsString("id=\"continuation\" href=\"/app/projects/hri-2024\""), containsString("Toinen kappale."),
                        containsString("Edit project"),
                        containsString("id=\"feedback-link\" href=\"/app/projects/hri/feedback\">Feedback on the events</a>"),
                        not(containsString("??")))));
    }

    @Test
    void aPageWhoseServiceIsAwayIsA503InTheUsersLanguageWithRetryAfter() throws Exception {
        services.answer("GET /api/projects/hri", 503, "{\"status\": 503}");
        mvc.perform(get("/app/projects/hri?lang=en").with(cityUser("hyvinkaa", "staff")))
                .andExpect(status().is(503))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Retry-After", "5"))
                .andExpect(content().string(allOf(containsString("lang=\"en\""), not(containsString("??")))));
    }

    @Test
    void aSaveThatMeetsAServiceBrieflyAwayShowsTheFormAgainWithWhatWasTypedAndSaysSo() throws Exception {
        services.answer("PUT /api/projects/hri", 503, "{\"status\": 503, \"code\": \"service-unavailable\"}");
        mvc.perform(post("/app/projects/hri?lang=sv").with(cityUser("hyvinkaa", "staff", "project-manager"))
                        .param("acronym", "HRI-2").param("nameFi", "Helsinki Ring of Industry").param("startDate", "2021-01-01")
                        .param("leadCity", "hyvinkaa").param("participatingCities", "hyvinkaa, kerava").param("themes", "LOGISTICS"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tjänsten svarar inte just nu"),
                        containsString("value=\"HRI-2\""), not(containsString("??")))));
        assertThat(services.last("PUT", "/api/projects/hri").body()).contains("\"acronym\":\"HRI-2\"");
    }

    @Test
    void anEditSendsEveryRowAndShowsTheServicesRuleNextToItsField() throws Exception {
        services.answer("PUT /api/projects/hri", 409, """
                {"type": "https://ecosystem.example.org/problems/lead-not-participating", "status": 409, "code": "lead-not-participating",
                 "detail": "The lead city must take part"}
                """);
        mvc.perform(post("/app/projects/hri").with(cityUser("hyvinkaa", "staff", "project-manager"))
                        .param("acronym", "HRI").param("nameFi", "Helsinki Ring of Industry").param("startDate", "2021-01-01")
                        .param("leadCity", "vantaa").param("participatingCities", "hyvinkaa", "kerava").param("themes", "LOGISTICS")
                        .param("partners[0].organisation", "TechVilla Oy").param("partners[0].role", "LEAD").param("partners[0].city", "hyvinkaa")
                        .param("partners[1].organisation", "").param("partners[1].role", "")
                        .param("funding[0].funder", "Uudenmaan liitto").param("funding[0].amountEur", "1000000")
                        .param("contacts[0].name", "Paula Projektipäällikkö").param("contacts[0].role", "Projektipäällikkö")
                        .param("contacts[0].email", "paula@example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"leadCity-error\">Vetäjäkaupungin pitää olla osallistujien joukossa."),
                        containsString("<option value=\"vantaa\" selected=\"selected\">Vantaa</option>"))));
        assertThat(services.last("PUT", "/api/projects/hri").body()).contains("\"participatingCities\":[\"hyvinkaa\",\"kerava\"]",
                "\"themes\":[\"LOGISTICS\"]", "\"partners\":[{\"organisation\":\"TechVilla Oy\",\"city\":\"hyvinkaa\",\"role\":\"LEAD\"}]",
                "\"amountEur\":1000000", "paula@example.org");
        services.answer("PUT /api/projects/hri", 200, PROJECT);
        mvc.perform(post("/app/projects/hri").with(cityUser("hyvinkaa", "staff", "project-manager"))
                        .param("acronym", "HRI").param("nameFi", "Helsinki Ring of Industry").param("startDate", "2021-01-01")
                        .param("leadCity", "hyvinkaa").param("participatingCities", "hyvinkaa", "kerava"))
                .andExpect(redirectedUrl("/app/projects/hri"));
    }

    @Test
    void aNewProjectWithoutItsRequiredFieldsIsNotSent() throws Exception {
        mvc.perform(post("/app/projects").with(cityUser("hyvinkaa", "staff", "project-manager")).param("nameFi", "Uusi"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"acronym-error\""), containsString("id=\"leadCity-error\""),
                        containsString("value=\"Uusi\""))));
        assertThat(services.last("POST", "/api/projects")).isNull();
    }
}
