package fi.ecosystem.contacts.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import fi.ecosystem.platform.projectaccess.ProjectAccess;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document for the person: their own language, words for every code, names of events, projects and cities,
 * Helsinki times — and none of the platform's internals (ids, codes, hashes, search keys), which stay in the JSON.
 */
class PersonalDataDocumentTest {

    static final String HASH = "9f2c4a0e7b1d3c5e8a6f4b2d0c9e7a5b3d1f8e6c4a2b0d9f7e5c3a1b8d6f4e2c";

    /** The access read model knows the project of a role that staff set, by its name. */
    static final ProjectAccessDirectory PROJECTS = new ProjectAccessDirectory(null) {
        @Override
        public Optional<ProjectAccess> find(String projectId) {
            return "hri".equals(projectId) ? Optional.of(new ProjectAccess("hri",
                    LocalizedText.of("Helsingin teollisuuskehä", "Helsingfors industriring", "Helsinki Ring of Industry"),
                    "ACTIVE", Set.of("helsinki", "espoo"), Instant.EPOCH)) : Optional.empty();
        }
    };

    static final Map<String, LocalizedText> CITIES = Map.of(
            "helsinki", LocalizedText.of("Helsinki", "Helsingfors", "Helsinki"),
            "espoo", LocalizedText.of("Espoo", "Esbo", "Espoo"));

    /** The export as the services give it: contacts-service its stored person, the others their JSON answers. */
    static PersonalDataExport.Export export(String language, String lastName) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", "c-1a2b3c");
        person.put("email", "veera.virtanen@example.org");
        person.put("otherEmails", List.of("veera@example.org"));
        person.put("firstName", "Veera");
        person.put("lastName", lastName);
        person.put("title", "Utvecklingschef");
        person.put("organisationName", "Rekisteri Oy");
        person.put("organisationId", "o-77aa");
        person.put("phone", "+358401234567");
        person.put("language", "sv");
        person.put("projectIds", List.of("hri"));
        person.put("roles", List.of(Map.of("projectId", "hri", "role", "PROJECT_MANAGER", "organisation", "Rekisteri Oy",
                "source", "STAFF", "since", Instant.parse("2026-03-02T10:00:00Z"))));
        person.put("consents", List.of(Map.of("id", "k-5d5d", "purpose", "NEWSLETTER", "legalBasis", "CONSENT", "source", "FORM",
                "textVersion", "2026-01", "givenAt", Instant.parse("2026-11-20T09:00:00Z"), "recordedBy", "registration r-1",
                "withdrawnAt", Instant.parse("2026-11-25T14:30:00Z"), "scope", "hri")));
        person.put("entries", List.of(Map.of("scope", "city:helsinki", "firstName", "Veera", "lastName", lastName,
                "email", "veera.virtanen@example.org", "via", "staff", "at", Instant.parse("2026-03-02T10:00:00Z"))));
        person.put("links", List.of("hri", "city:helsinki"));
        person.put("nameKeys", List.of("veera virtanen"));
        person.put("indexedWords", List.of("name:virtanen:c-1a2b3c"));
        person.put("createdAt", Instant.parse("2026-03-02T10:00:00Z"));
        person.put("lastActivityAt", Instant.parse("2026-11-25T14:30:00Z"));
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("id", "r-1");
        registration.put("eventId", "ev-42");
        registration.put("projectId", "hri");
        registration.put("email", "veera.virtanen@example.org");
        registration.put("status", "ATTENDED");
        registration.put("registeredBy", "self");
        registration.put("answers", Map.of("q5ad50571", "2", "news", "true"));
        registration.put("attendedSessions", List.of("s7c6e4c82"));
        registration.put("remindedSessions", List.of("s7c6e4c82"));
        registration.put("createdAt", "2026-11-20T09:00:00.123Z");
        registration.put("event", Map.of("id", "ev-42", "type", "WEBINAR", "projectId", "hri",
                "title", Map.of("fi", "Kasvuwebinaari", "sv", "Tillväxtwebbinarium"),
                "startsAt", "2026-12-01T08:00:00Z",
                "sessions", List.of(Map.of("id", "s7c6e4c82", "title", Map.of("fi", "Aloitus", "sv", "Start"),
                        "startsAt", "2026-12-01T08:00:00Z")),
                "questions", List.of(
                        Map.of("id", "q5ad50571", "kind", "CHOICE", "label", Map.of("fi", "Toimiala", "sv", "Bransch"),
                                "options", List.of(Map.of("id", "1", "label", Map.of("fi", "Teollisuus", "sv", "Industri")),
                                        Map.of("id", "2", "label", Map.of("fi", "Palvelut", "sv", "Tjänster")))),
                        Map.of("id", "news", "kind", "CONSENT", "label", Map.of("fi", "Haluan uutiskirjeen", "sv", "Jag vill ha nyhetsbrevet")))));
        Map<String, List<Map<String, Object>>> own = new LinkedHashMap<>();
        own.put("contact", List.of(person));
        own.put("participations", List.of(Map.of("registrationId", "r-1", "eventId", "ev-42", "projectId", "hri",
                "status", "ATTENDED", "at", Instant.parse("2026-12-01T10:00:00Z"))));
        own.put("privacyAudit", List.of(Map.of("at", Instant.parse("2026-11-26T08:00:00Z"), "service", "contacts-service",
                "action", "exported", "by", "Ville Nieminen", "cities", List.of("helsinki"))));
        Map<String, List<Map<String, Object>>> inProjects = new LinkedHashMap<>();
        inProjects.put("projectContacts", List.of(Map.of("projectId", "hri", "acronym", "HRI",
                "projectName", Map.of("fi", "Helsingin teollisuuskehä", "sv", "Helsingfors industriring"),
                "name", "Veera " + lastName, "role", "CEO", "organisation", "Rekisteri Oy", "email", "veera.virtanen@example.org")));
        inProjects.put("auditEntries", List.of(Map.of("projectId", "hri", "at", "2026-03-02T11:00:00Z", "action", "edited",
                "by", "Aino Virtanen", "before", List.of(), "after", List.of(Map.of("name", "Veera " + lastName)))));
        return new PersonalDataExport.Export("c-1a2b3c", Instant.parse("2026-11-26T08:00:00Z"),
                new PersonalDataExport.Requester("Ville Nieminen", Set.of("helsinki")), language, List.of(
                        new PersonalDataReport("contacts-service", own),
                        new PersonalDataReport("events-service", Map.of("registrations", List.of(registration),
                                "certificates", List.of(Map.of("id", CERTIFICATE, "registrationId", "r-1", "eventId", "ev-42",
                                        "issuedAt", Instant.parse("2026-12-02T07:00:00Z"))))),
                        new PersonalDataReport("projects-service", inProjects)));
    }

    static String html(String language, String lastName) {
        return new PersonalDataDocument(PROJECTS).html(export(language, lastName), Set.of("helsinki", "espoo"), CITIES);
    }

    @Test
    void aSwedishPersonReadsEverySectionInSwedishInHelsinkiTime() throws Exception {
        String swedish = html("sv", "Virtanen");
        // kept for reading (and printing) as a person gets it
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "personal-data-report-sv.html"), swedish);
        assertThat(swedish).contains("<html lang=\"sv\">", "Uppgifter som vi har om dig",
                "Dina kontaktuppgifter", "Veera Virtanen", "veera.virtanen@example.org", "veera@example.org", "+358401234567",
                "Rekisteri Oy", "Kontaktspråk", "svenska",
                "Varifrån dina kontaktuppgifter kommer", "inskrivet av stadens anställda",
                "Dina roller i projekt", "<td>Helsingfors industriring</td>", "projektledare", "verkställande direktör", "2.3.2026",
                "Dina anmälningar till evenemang", "Tillväxtwebbinarium", "1.12.2026 kl. 10.00", "Deltog", "du själv",
                "20.11.2026 kl. 11.00", "Start 1.12.2026 kl. 10.00", "Bransch", "Tjänster", "Jag vill ha nyhetsbrevet", "ja",
                "Dina samtycken", "Nyhetsbrev", "samtycke", "på en blankett", "version 2026-01", "25.11.2026 kl. 16.30",
                "Projektens ändringshistorik där du nämns", "Du lades till som projektets kontaktperson", "Aino Virtanen",
                "Hantering av dina uppgifter", "Ett utdrag av dina uppgifter sammanställdes", "kontakter",
                "Ville Nieminen (Helsingfors)", "Vem som har dina uppgifter", "Esbo", "Helsingfors",
                "Upprättat 26.11.2026 kl. 10.00", "JSON");
        assertThat(swedish).as("a participation events-service shows is not listed twice").doesNotContain("Övrig deltagarhistorik");
    }

    static final String CERTIFICATE = "7K3M-Q9RT-ABCD-EFGH-JKMN";

    @Test
    void theCertificatesOfAttendanceAreListedWithTheirProgrammeAndCode() {
        assertThat(html("sv", "Virtanen")).contains("Dina deltagarintyg", "Verifieringskod",
                "<td>Tillväxtwebbinarium</td>", "<td>2.12.2026 kl. 9.00</td>", "<td>" + CERTIFICATE + "</td>");
        assertThat(html("en", "Virtanen")).contains("Your certificates of attendance", "<td>" + CERTIFICATE + "</td>");
        assertThat(html("fi", "Virtanen")).contains("Osallistumistodistuksesi", "Tarkistuskoodi", "<td>Kasvuwebinaari</td>");
    }

    @Test
    void noneOfThePlatformsInternalsAppear() {
        String swedish = html("sv", "Virtanen");
        assertThat(swedish).doesNotContain("indexedWords", "name:virtanen", "nameKeys", "c-1a2b3c", "o-77aa", "k-5d5d",
                "r-1", "ev-42", "s7c6e4c82", "q5ad50571", "city:helsinki", ">hri<", "HRI",
                "ATTENDED", "NEWSLETTER", "CONSENT", "FORM", "STAFF", "PROJECT_MANAGER", "WEBINAR", "CEO", "exported",
                "contacts-service", "events-service", "projects-service", HASH, "emailHash", "registration r-1");
        assertThat(swedish).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").doesNotContainPattern("[0-9a-f]{32}");
        assertThat(swedish).doesNotContain("Tiedot, jotka meillä on sinusta", "Kasvuwebinaari", "Palvelut");
    }

    @Test
    void aFinnishOrUnknownLanguageGetsFinnishAndEnglishIsEnglish() {
        assertThat(html("fi", "Virtanen")).contains("<html lang=\"fi\">", "Tiedot, jotka meillä on sinusta", "Kasvuwebinaari",
                "1.12.2026 klo 10.00", "Osallistui", "Palvelut", "<td>Helsingin teollisuuskehä</td>", "Uutiskirje", "Helsinki", "Espoo");
        assertThat(html(null, "Virtanen")).contains("<html lang=\"fi\">", "Yhteystietosi");
        assertThat(html("en", "Virtanen")).contains("<html lang=\"en\">", "The data we hold about you", "Attended",
                "1 Dec 2026 at 10:00", "Newsletter");
    }

    @Test
    void storedTextCannotBecomeMarkup() {
        String html = html("fi", "<script>alert('x')</script>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(");
    }
}
