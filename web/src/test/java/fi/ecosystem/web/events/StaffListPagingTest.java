package fi.ecosystem.web.events;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Long lists page: the events, an event's registrations, a project's events and the check-in, each with "n–m of N" in
 * the user's language and the links to the pages before and after; the tables stay inside their own box on a phone.
 */
class StaffListPagingTest extends PageTest {

    static final String EVENT = StaffEventPagesTest.EVENT;

    static String registrations(int page, int shown, int total) {
        return registrations(page, shown, total, 50);
    }

    /** A page of registrations as the service answers it, {@code size} a page. */
    static String registrations(int page, int shown, int total, int size) {
        return "{\"items\": [" + IntStream.range(0, shown).mapToObj(i -> """
                {"id": "r%d", "email": "p%d@example.org", "firstName": "Pia", "lastName": "P%03d", "status": "CONFIRMED",
                 "createdAt": "2026-11-01T10:00:00Z"}""".formatted(page * size + i, page * size + i, page * size + i))
                .collect(Collectors.joining(",")) + "], \"page\": " + page + ", \"size\": " + size + ", \"totalItems\": " + total
                + ", \"totalPages\": " + ((total + size - 1) / size) + "}";
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theEventListAsksForAPageAndSaysWhichRowsItShows() throws Exception {
        services.answer("GET /api/events", 200, "{\"items\": [" + EVENT + "], \"page\": 1, \"size\": 50, \"totalItems\": 230, \"totalPages\": 5}");
        assertThat(page("/app/events?status=PUBLISHED&page=1")).contains("51–51 / 230",
                "href=\"/app/events?status=PUBLISHED&amp;page=0\"", "href=\"/app/events?status=PUBLISHED&amp;page=2\"",
                "aria-label=\"Tapahtumien sivut\"");
        assertThat(services.last("GET", "/api/events").path()).contains("status=PUBLISHED", "size=50", "page=1");
        assertThat(page("/app/events?page=1&lang=sv")).contains("51–51 av 230");
        assertThat(page("/app/events?page=1&lang=en")).contains("51–51 of 230");
        // the calendar asks for the month's events from the start of the month, not a page of all events
        page("/app/events?view=calendar&month=2027-02");
        assertThat(java.net.URLDecoder.decode(services.last("GET", "/api/events").path(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("from=2027-01-31T22:00:00Z", "size=200")
                .doesNotContain("page=");
    }

    @Test
    void anEventsRegistrationsPageWithTheServicesCountsWhenTheyDoNotFitOnOnePage() throws Exception {
        services.answer("GET /api/events/ev-1", 200, EVENT.replace("\"confirmedCount\": 2", "\"confirmedCount\": 120, \"waitlistedCount\": 7"));
        services.answer("GET /api/events/ev-1/registrations", 200, registrations(2, 27, 127));
        services.answer("GET /api/events/ev-1/registrations/counts", 200, "{\"byStatus\": {\"CONFIRMED\": 120, \"WAITLISTED\": 7}}");
        services.answer("GET /api/projects/cities", 200, fi.ecosystem.web.projects.Cities.JSON);
        String page = page("/app/events/ev-1?page=2");
        assertThat(page).contains("101–127 / 127", "href=\"/app/events/ev-1?page=1#registrations\"", "Vahvistettu: 120",
                "Jonossa: 7", "p126@example.org").doesNotContain("?page=3");
        assertThat(services.last("GET", "/api/events/ev-1/registrations?").path()).contains("size=50", "page=2");
        assertThat(page.replaceAll("\\s+", " ")).contains("<div class=\"table-wrap\" tabindex=\"0\"> <table id=\"registrations-table\">");
        // the organising city by its name, not its alias
        assertThat(page).contains("<dd id=\"organising-city\">Helsinki</dd>");
        assertThat(page("/app/events/ev-1?lang=sv")).contains("<dd id=\"organising-city\">Helsingfors</dd>");
    }

    @Test
    void aProjectShowsItsOwnEventsAPageAtATime() throws Exception {
        services.answer("GET /api/projects/kasvun-ekosysteemit", 200, """
                {"id": "kasvun-ekosysteemit", "name": {"fi": "Kasvun ekosysteemit"}, "status": "ACTIVE", "leadCity": "helsinki",
                 "participatingCities": ["helsinki"]}
                """);
        services.answer("GET /api/events", 200, "{\"items\": [" + EVENT + "], \"page\": 0, \"size\": 50, \"totalItems\": 51, \"totalPages\": 2}");
        String page = page("/app/projects/kasvun-ekosysteemit");
        assertThat(services.last("GET", "/api/events").path()).contains("projectId=kasvun-ekosysteemit", "size=50", "page=0");
        assertThat(page).contains("Kasvuseminaari", "1–1 / 51", "href=\"/app/projects/kasvun-ekosysteemit?eventsPage=1#events\"");
    }

    @Test
    void theCheckInSearchesEveryRegistrationAndShowsAHundredAtATime() throws Exception {
        services.answer("GET /api/events/ev-1", 200, EVENT);
        services.answer("GET /api/events/ev-1/registrations", 200, registrations(0, 100, 150, 100));
        String first = page("/app/events/ev-1/check-in?q=pia");
        assertThat(first).contains("1–100 / 150", "Saapui: Pia P000", "Saapui: Pia P099", "href=\"/app/events/ev-1/check-in?q=pia&amp;page=1\"")
                .doesNotContain("Saapui: Pia P100");
        // the service searches all of them, by name, a hundred at a time
        assertThat(services.last("GET", "/api/events/ev-1/registrations?").path()).contains("q=pia", "order=name", "size=100", "page=0");
        services.answer("GET /api/events/ev-1/registrations", 200, registrations(1, 50, 150, 100));
        assertThat(page("/app/events/ev-1/check-in?q=pia&page=1")).contains("101–150 / 150", "Saapui: Pia P149").doesNotContain("Saapui: Pia P000");
        assertThat(services.last("GET", "/api/events/ev-1/registrations?").path()).contains("size=100", "page=1");
    }

    @Test
    void aProgrammesPageOffersTheCheckInOfEachSession() throws Exception {
        services.answer("GET /api/events/ev-2", 200, StaffEventPagesTest.PROGRAMME);
        services.answer("GET /api/events/ev-2/registrations", 200, registrations(0, 1, 1));
        services.answer("GET /api/events/ev-2/registrations/counts", 200, "{\"byStatus\": {\"CONFIRMED\": 1}}");
        assertThat(page("/app/events/ev-2")).contains("href=\"/app/events/ev-2/check-in?session=s1\"",
                "href=\"/app/events/ev-2/check-in?session=s2\"", "p0@example.org");
    }
}
