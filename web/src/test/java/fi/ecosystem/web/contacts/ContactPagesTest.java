package fi.ecosystem.web.contacts;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People and their GDPR actions, also against a contacts service that does not offer them yet. */
class ContactPagesTest extends PageTest {

    static final String PERSON = """
            {"id": "c1", "email": "eeva@example.org", "firstName": "Eeva", "lastName": "Esimerkki", "organisationName": "Yritys Oy",
             "language": "fi", "projectIds": ["kasvun-ekosysteemit"],
             "participations": [{"registrationId": "r1", "eventId": "ev-1", "projectId": "kasvun-ekosysteemit", "status": "ATTENDED",
                                 "at": "2026-11-01T10:00:00Z"}]}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /api/contacts", 200, "{\"items\": [" + PERSON + """
                , {"id": "c2", "email": "olli@example.org", "firstName": "Olli", "lastName": "Muu", "participations": []}],
                 "page": 0, "size": 200, "totalItems": 2, "totalPages": 1}
                """);
        services.answer("GET /api/contacts/c1", 200, PERSON);
        services.answer("GET /api/organisations", 200, """
                {"items": [{"id": "o1", "type": "COMPANY", "name": {"fi": "TechVilla Oy"}, "businessId": "1234567-1"}],
                 "page": 0, "size": 200, "totalItems": 1, "totalPages": 1}
                """);
    }

    @Test
    void theSearchFindsPeopleByWords() throws Exception {
        mvc.perform(get("/app/contacts?q=eeva yritys").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Esimerkki, Eeva"), not(containsString("??")))));
        assertThat(services.last("GET", "/api/contacts?").path()).contains("q=eeva%20yritys", "size=50", "page=0");
    }

    @Test
    void thePersonPageShowsTheParticipationHistoryAndTheGdprActions() throws Exception {
        mvc.perform(get("/app/contacts/c1").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Osallistui"), containsString("1.11.2026 12.00"),
                        containsString("/app/contacts/c1/export"), not(containsString("/app/contacts/c1/erase")),
                        containsString("pääkäyttäjä"))));
        mvc.perform(get("/app/contacts/c1").with(cityUser("helsinki", "staff", "admin")))
                .andExpect(content().string(containsString("/app/contacts/c1/erase")));
    }

    @Test
    void exportAndErasureSayTheyAreNotAvailableWhenTheServiceLacksThem() throws Exception {
        mvc.perform(get("/app/contacts/c1/export").with(cityUser("helsinki", "staff")))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/app/contacts/c1?gdpr=missing"));
        mvc.perform(get("/app/contacts/c1?gdpr=missing").with(cityUser("helsinki", "staff")))
                .andExpect(content().string(containsString("eivät ole vielä käytössä")));
        mvc.perform(post("/app/contacts/c1/erase").with(cityUser("helsinki", "staff")))
                .andExpect(redirectedUrl("/app/contacts/c1?gdpr=missing"));
    }

    @Test
    void theExportIsTheServicesFileAndErasureNeedsTheConfirmationPage() throws Exception {
        services.answer("GET /api/contacts/c1/gdpr-export", 200, "{\"email\": \"eeva@example.org\"}");
        services.answer("POST /api/contacts/c1/erasure", 202, "{}");
        mvc.perform(get("/app/contacts/c1/export").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/json")))
                .andExpect(header().string("Content-Disposition", containsString("contact-c1.json")))
                .andExpect(content().string(containsString("eeva@example.org")));
        // the readable report is for the person: in their language, which the service knows, not the admin's page language
        services.answer("GET /api/contacts/c1/gdpr-export", "text/html;charset=UTF-8",
                "<html lang=\"sv\"><h1>Uppgifter som vi har om dig</h1></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(get("/app/contacts/c1/export").param("format", "html").param("lang", "en").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("contact-c1.html")))
                .andExpect(content().string(containsString("Uppgifter som vi har om dig")));
        assertThat(services.last("GET", "/api/contacts/c1/gdpr-export").path()).isEqualTo("/api/contacts/c1/gdpr-export?format=html");
        mvc.perform(get("/app/contacts/c1/erase").with(cityUser("helsinki", "staff")))
                .andExpect(content().string(containsString("Kyllä, poista pysyvästi")));
        mvc.perform(post("/app/contacts/c1/erase").with(cityUser("helsinki", "staff")))
                .andExpect(redirectedUrl("/app/contacts"));
        assertThat(services.last("POST", "/api/contacts/c1/erasure")).isNotNull();
    }
}
