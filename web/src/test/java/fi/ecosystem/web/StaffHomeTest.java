package fi.ecosystem.web;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff home renders what the services answer for the relayed token, in the chosen language. */
class StaffHomeTest extends PageTest {

    @BeforeEach
    void stubs() {
        services.answer("GET /api/projects/cities", 200, fi.ecosystem.web.projects.Cities.JSON);
        services.answer("GET /api/projects", 200, """
                {"items": [{"id": "kasvun-ekosysteemit", "name": {"fi": "Kasvun ekosysteemit", "sv": "Tillväxtekosystem"},
                            "status": "ACTIVE", "startDate": "2018-08-01", "endDate": "2021-06-30",
                            "participatingCities": ["espoo", "helsinki"],
                            "indicators": [{"code": "growth-programmes", "name": {"fi": "Kasvuohjelmat", "sv": "Tillväxtprogram"}, "unit": "pcs",
                                            "target": 8, "actual": 4},
                                           {"code": "impressions", "name": {"fi": "Näyttökerrat"}, "unit": "kpl", "target": 185000, "actual": 92500}]}],
                 "page": 0, "size": 50, "totalItems": 1, "totalPages": 1}
                """);
        services.answer("GET /api/events", 200, """
                {"items": [{"id": "ev-1", "title": {"fi": "Kasvupaja", "sv": "Tillväxtverkstad"}, "type": "WORKSHOP", "status": "PUBLISHED",
                            "capacity": 1, "confirmedCount": 1, "waitlistedCount": 1,
                            "startsAt": "2099-02-01T07:00:00Z", "endsAt": "2099-02-01T10:00:00Z"},
                           {"id": "ev-2", "title": {"fi": "Webinaari"}, "type": "WEBINAR", "status": "PUBLISHED",
                            "capacity": 50, "confirmedCount": 3, "waitlistedCount": 0,
                            "startsAt": "2099-03-01T07:00:00Z", "endsAt": "2099-03-01T08:00:00Z"}],
                 "page": 0, "size": 8, "totalItems": 2, "totalPages": 1}
                """);
    }

    @Test
    void theStaffHomeShowsTheCitysProjectsIndicatorsAndWaitingListsInSwedish() throws Exception {
        mvc.perform(get("/app?lang=sv").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"sv\""), containsString("Din stads projekt"),
                        containsString("Tillväxtekosystem"), containsString("Tillväxtverkstad"), containsString("1 på väntelistan"),
                        containsString("Tillväxtprogram: 4 / 8 st."), containsString("92\u00a0500 / 185\u00a0000 kpl"),
                        containsString("width=\"160\""), containsString("<dd id=\"city\">Helsingfors</dd>"),
                        containsString("<td>Esbo, Helsingfors</td>"), not(containsString(">helsinki<")), not(containsString("??")))));
        assertThat(services.last("GET", "/api/projects?").authorization()).isEqualTo("Bearer token");
    }

    @Test
    void theHomeAsksEachServiceOnceForWhatItShows() throws Exception {
        mvc.perform(get("/app").with(cityUser("helsinki", "staff", "project-manager"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kasvupaja"), containsString("Webinaari"))));
        assertThat(services.requests()).filteredOn(request -> request.path().startsWith("/api/projects?")).singleElement()
                .satisfies(request -> assertThat(request.path()).contains("include=indicators", "size=50"));
        assertThat(services.requests()).filteredOn(request -> request.path().startsWith("/api/events")).singleElement()
                .satisfies(request -> assertThat(request.path()).contains("from=", "status=DRAFT", "status=PUBLISHED", "size=8")
                        .doesNotContain("CANCELLED"));
        // no call per project or per event (the waiting lists come with the events)
        assertThat(services.requests()).extracting(StubServices.Request::path)
                .noneMatch(path -> path.startsWith("/api/projects/kasvun") || path.contains("/registrations"));
    }

    @Test
    void theHomeStillOpensWhenTheServicesDoNotAnswer() throws Exception {
        services.reset();
        mvc.perform(get("/app").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hankepalvelu ei juuri nyt vastaa.")));
    }

    @Test
    void staffPagesNeedAToken() throws Exception {
        mvc.perform(get("/app")).andExpect(status().isUnauthorized());
        mvc.perform(get("/app/events")).andExpect(status().isUnauthorized());
    }

    @Test
    void theLandingPageIsPublicAndFinnishByDefault() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"fi\""), containsString("Henkilöstön kirjautuminen"),
                        containsString("href=\"/?lang=sv\""), not(containsString("??")))));
    }

    @Test
    void everyPageNamesTheTemplateThatMadeIt() throws Exception {
        // what the accessibility test (e2e AccessibilityIT) reads to know that it has checked every template
        mvc.perform(get("/")).andExpect(content().string(containsString("<meta name=\"template\" content=\"index\">")));
    }
}
