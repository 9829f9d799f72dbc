package fi.ecosystem.contacts.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.privacy.PersonalDataReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The readable export: the reader's language, Finnish time, and nothing a stored value could inject. */
class ExportDocumentTest {

    static PersonalDataExport.Export export(String language, String lastName) {
        return new PersonalDataExport.Export("c-1", Instant.parse("2026-11-23T10:15:00Z"),
                new PersonalDataExport.Requester("Ville Nieminen", Set.of("helsinki")), language, List.of(
                        new PersonalDataReport("contacts-service", Map.of("contact",
                                List.of(Map.of("firstName", "Veera", "lastName", lastName)))),
                        new PersonalDataReport("events-service", Map.of("registrations", List.of(Map.of(
                                "status", "ATTENDED", "createdAt", "2026-11-20T09:00:00.123Z",
                                "event", Map.of("title", Map.of("fi", "Kasvuwebinaari", "sv", "Tillväxtwebbinarium")))))),
                        new PersonalDataReport("projects-service", Map.of("projectContacts", List.of()))));
    }

    @Test
    void theDocumentIsInTheReadersLanguageWithFinnishTimes() {
        String swedish = ExportDocument.html(export("sv", "Virtanen"));
        assertThat(swedish).contains("<html lang=\"sv\">", "Uppgifter som vi har om dig", "Efternamn", "Anmälningar",
                "Tillväxtwebbinarium", "23.11.2026 12:15", "20.11.2026 11:00", "Inga uppgifter.");
        String finnish = ExportDocument.html(export("fi", "Virtanen"));
        assertThat(finnish).contains("Tiedot, jotka meillä on sinusta", "Sukunimi", "Ilmoittautumiset", "Kasvuwebinaari",
                "Ei tietoja.");
        assertThat(ExportDocument.html(export("en", "Virtanen"))).contains("The data we hold about you", "Last name");
    }

    @Test
    void storedTextCannotBecomeMarkup() {
        String html = ExportDocument.html(export("fi", "<script>alert('x')</script>"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }
}
