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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import fi.ecosystem.web.projects.Cities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A city's admins read the GDPR art. 19 notices of other cities' exports and erasures — readable, in Helsinki time,
 * with the acting city's name and no raw ids — and mark them read; staff see no link and get the service's refusal
 * in their language, as they do on the export and erasure of a person, which stay working for admins.
 */
class PrivacyNoticesPagesTest extends PageTest {

    static final String ADMIN_REFUSAL = """
            {"type": "https://ecosystem.example.org/problems/admin-needed", "title": "Forbidden", "status": 403,
             "detail": "Only a city's admin may export a person's data for them or erase them", "code": "admin-needed"}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /api/projects/cities", 200, Cities.JSON);
        services.answer("GET /api/contacts/notices", 200, """
                {"items": [
                  {"id": "6750f0a1b2c3d4e5f6a7b8c9", "city": "kerava", "at": "2026-11-30T22:30:00Z", "action": "erased",
                   "contactId": "c-77", "byName": "Ville Nieminen", "byCities": ["helsinki"], "readAt": null, "readBy": null},
                  {"id": "6750f0a1b2c3d4e5f6a7b8d0", "city": "kerava", "at": "2026-11-29T08:05:00Z", "action": "exported",
                   "contactId": "c-78", "byName": "Sanna Mäkelä", "byCities": ["espoo"], "readAt": "2026-11-29T09:00:00Z",
                   "readBy": "Ari Miettinen"}],
                 "page": 0, "size": 20, "totalItems": 21, "totalPages": 2}
                """);
    }

    @Test
    void anAdminReadsTheNoticesNewestFirstInHelsinkiTimeWithTheCitysNameAndNoIds() throws Exception {
        String page = mvc.perform(get("/app/privacy-notices").with(cityUser("kerava", "staff", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tietosuojailmoitukset"),
                        containsString("href=\"/app/privacy-notices\""), // the admin's navigation
                        containsString("Henkilön tiedot poistettiin kaikista palveluista"),
                        containsString("1.12.2026 0.30"), // 22.30 UTC is past midnight in Helsinki
                        containsString("Ville Nieminen, Helsinki"),
                        containsString("Henkilön kaikki tiedot koottiin hänelle"), containsString("Sanna Mäkelä, Espoo"),
                        containsString("Luettu 29.11.2026 11.00 (Ari Miettinen)"),
                        containsString("Merkitse luetuksi"), containsString("href=\"/app/contacts/c-77\""),
                        containsString("Sivu 1 / 2"), containsString("href=\"/app/privacy-notices?page=1\""),
                        not(containsString("??")))))
                .andReturn().getResponse().getContentAsString();
        // ids only in links and form targets, never as text on the page
        String shown = page.replaceAll("<[^>]*>", " ");
        assertThat(shown).doesNotContain("c-77", "c-78", "6750f0a1b2c3d4e5f6a7b8c9", "helsinki", "espoo").contains("Helsinki");
        assertThat(page.indexOf("1.12.2026 0.30")).as("newest first, as the service gives them").isLessThan(page.indexOf("29.11.2026 10.05"));
        assertThat(services.last("GET", "/api/contacts/notices").path()).contains("page=0", "size=20");

        mvc.perform(get("/app/privacy-notices?page=1&lang=sv").with(cityUser("kerava", "admin")))
                .andExpect(content().string(allOf(containsString("Dataskyddsmeddelanden"),
                        containsString("Personens uppgifter raderades i alla tjänster"), containsString("Ville Nieminen, Helsingfors"),
                        containsString("Markera som läst"), not(containsString("??")))));
        assertThat(services.last("GET", "/api/contacts/notices").path()).contains("page=1");
        mvc.perform(get("/app/privacy-notices?lang=en").with(cityUser("kerava", "admin")))
                .andExpect(content().string(allOf(containsString("Privacy notices"),
                        containsString("The person&#39;s data was erased from every service"), containsString("Mark as read"),
                        containsString("Read 29.11.2026 11.00 (Ari Miettinen)"), not(containsString("??")))));
    }

    @Test
    void anAdminMarksANoticeReadAndReturnsToTheSamePage() throws Exception {
        services.answer("POST /api/contacts/notices/6750f0a1b2c3d4e5f6a7b8c9/read", 200, "{\"readAt\": \"2026-12-01T08:00:00Z\"}");
        mvc.perform(post("/app/privacy-notices/6750f0a1b2c3d4e5f6a7b8c9/read?page=1").with(cityUser("kerava", "admin")))
                .andExpect(redirectedUrl("/app/privacy-notices?page=1"))
                .andExpect(flash().attribute("flash", "notices.marked"));
        assertThat(services.last("POST", "/api/contacts/notices/6750f0a1b2c3d4e5f6a7b8c9/read")).isNotNull();
    }

    @Test
    void staffHaveNoLinkAndGetTheRefusalInTheirLanguage() throws Exception {
        services.answer("GET /api/contacts/notices", 403, ADMIN_REFUSAL);
        services.answer("GET /api/contacts/c1", 200, ContactPagesTest.PERSON);
        mvc.perform(get("/app/contacts/c1").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/app/privacy-notices"))));
        mvc.perform(get("/app/contacts/c1").with(cityUser("kerava", "staff", "admin")))
                .andExpect(content().string(containsString("href=\"/app/privacy-notices\"")));
        mvc.perform(get("/app/privacy-notices").with(cityUser("kerava", "staff")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("kaupungin pääkäyttäjän rooli"), not(containsString("Only a city")))));
        mvc.perform(get("/app/privacy-notices?lang=sv").with(cityUser("kerava", "staff")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("rollen stadens administratör")));
    }

    @Test
    void theExportAndErasureWorkForAnAdminAndStaffGetTheTranslatedRefusal() throws Exception {
        services.answer("GET /api/contacts/c1", 200, ContactPagesTest.PERSON);
        services.answer("GET /api/contacts/c1/gdpr-export", 200, "{\"email\": \"eeva@example.org\"}");
        services.answer("POST /api/contacts/c1/erasure", 202, "{}");
        mvc.perform(get("/app/contacts/c1/export").with(cityUser("helsinki", "staff", "admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("contact-c1.json")))
                .andExpect(content().string(containsString("eeva@example.org")));
        mvc.perform(post("/app/contacts/c1/erase").with(cityUser("helsinki", "admin")))
                .andExpect(redirectedUrl("/app/contacts"));

        services.answer("GET /api/contacts/c1/gdpr-export", 403, ADMIN_REFUSAL);
        services.answer("POST /api/contacts/c1/erasure", 403, ADMIN_REFUSAL);
        mvc.perform(get("/app/contacts/c1/export").with(cityUser("helsinki", "staff")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("kaupungin pääkäyttäjän rooli"), not(containsString("eeva@example.org")))));
        mvc.perform(get("/app/contacts/c1/export?format=html&lang=en").with(cityUser("helsinki", "staff")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("the role of the city&#39;s administrator")));
        mvc.perform(post("/app/contacts/c1/erase?lang=sv").with(cityUser("helsinki", "staff")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("rollen stadens administratör")));
    }
}
