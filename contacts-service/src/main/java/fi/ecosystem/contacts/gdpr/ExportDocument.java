package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The export as a document a person can read, in Finnish, Swedish or English: one section per service and
 * kind of data, every field with a name in the reader's language where one is known. Plain HTML, no
 * scripts, no outside resources — it is saved and mailed as it is.
 */
final class ExportDocument {

    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(FINLAND);

    private static final Map<String, LocalizedText> LABELS = Map.ofEntries(
            Map.entry("title", LocalizedText.of("Tiedot, jotka meillä on sinusta", "Uppgifter som vi har om dig",
                    "The data we hold about you")),
            Map.entry("intro", LocalizedText.of(
                    "Tämä on EU:n tietosuoja-asetuksen (15 artikla) mukainen ote kaikista tiedoista, jotka innovaatioekosysteemin palvelut ovat sinusta tallentaneet.",
                    "Detta är ett utdrag enligt EU:s dataskyddsförordning (artikel 15) av alla uppgifter som innovationsekosystemets tjänster har sparat om dig.",
                    "This is an extract under the EU General Data Protection Regulation (Article 15) of all the data the innovation ecosystem's services hold about you.")),
            Map.entry("generated", LocalizedText.of("Laadittu", "Upprättad", "Generated")),
            Map.entry("requestedBy", LocalizedText.of("Pyytäjä", "Begärd av", "Requested by")),
            Map.entry("none", LocalizedText.of("Ei tietoja.", "Inga uppgifter.", "Nothing held.")),
            Map.entry("contacts-service", LocalizedText.of("Yhteystiedot", "Kontakter", "Contacts")),
            Map.entry("events-service", LocalizedText.of("Tapahtumat", "Evenemang", "Events")),
            Map.entry("projects-service", LocalizedText.of("Hankkeet", "Projekt", "Projects")),
            Map.entry("contact", LocalizedText.of("Henkilötiedot", "Personuppgifter", "Personal details")),
            Map.entry("participations", LocalizedText.of("Osallistumishistoria", "Deltagarhistorik", "Participation history")),
            Map.entry("privacyAudit", LocalizedText.of("Tietojesi käsittely (vienti ja poisto)", "Hantering av dina uppgifter (export och radering)",
                    "Handling of your data (exports and erasure)")),
            Map.entry("registrations", LocalizedText.of("Ilmoittautumiset", "Anmälningar", "Registrations")),
            Map.entry("projectContacts", LocalizedText.of("Roolit hankkeiden yhteyshenkilönä", "Roller som projektets kontaktperson",
                    "Roles as a project's contact person")),
            Map.entry("auditEntries", LocalizedText.of("Muutoshistoria, jossa sinut mainitaan", "Ändringshistorik där du nämns",
                    "Change history that mentions you")),
            Map.entry("id", LocalizedText.of("Tunniste", "Id", "Id")),
            Map.entry("email", LocalizedText.of("Sähköposti", "E-post", "E-mail")),
            Map.entry("firstName", LocalizedText.of("Etunimi", "Förnamn", "First name")),
            Map.entry("lastName", LocalizedText.of("Sukunimi", "Efternamn", "Last name")),
            Map.entry("name", LocalizedText.of("Nimi", "Namn", "Name")),
            Map.entry("organisationName", LocalizedText.of("Organisaatio", "Organisation", "Organisation")),
            Map.entry("organisation", LocalizedText.of("Organisaatio", "Organisation", "Organisation")),
            Map.entry("language", LocalizedText.of("Kieli", "Språk", "Language")),
            Map.entry("status", LocalizedText.of("Tila", "Status", "Status")),
            Map.entry("role", LocalizedText.of("Rooli", "Roll", "Role")),
            Map.entry("event", LocalizedText.of("Tapahtuma", "Evenemang", "Event")),
            Map.entry("title.field", LocalizedText.of("Otsikko", "Rubrik", "Title")),
            Map.entry("startsAt", LocalizedText.of("Alkaa", "Börjar", "Starts")),
            Map.entry("createdAt", LocalizedText.of("Luotu", "Skapad", "Created")),
            Map.entry("updatedAt", LocalizedText.of("Muutettu", "Ändrad", "Changed")),
            Map.entry("at", LocalizedText.of("Aika", "Tid", "When")),
            Map.entry("action", LocalizedText.of("Toimenpide", "Åtgärd", "Action")),
            Map.entry("by", LocalizedText.of("Tekijä", "Utförd av", "By")),
            Map.entry("before", LocalizedText.of("Ennen", "Före", "Before")),
            Map.entry("after", LocalizedText.of("Jälkeen", "Efter", "After")),
            Map.entry("projectId", LocalizedText.of("Hanke", "Projekt", "Project")),
            Map.entry("projectName", LocalizedText.of("Hankkeen nimi", "Projektets namn", "Project name")),
            Map.entry("acronym", LocalizedText.of("Lyhenne", "Förkortning", "Acronym")),
            Map.entry("registeredBy", LocalizedText.of("Ilmoittaja", "Anmäld av", "Registered by")),
            Map.entry("projectIds", LocalizedText.of("Hankkeet", "Projekt", "Projects")),
            Map.entry("cities", LocalizedText.of("Kaupungit", "Städer", "Cities")),
            Map.entry("service", LocalizedText.of("Palvelu", "Tjänst", "Service")),
            Map.entry("otherEmails", LocalizedText.of("Muut sähköpostiosoitteet", "Andra e-postadresser", "Other e-mail addresses")),
            Map.entry("phone", LocalizedText.of("Puhelin", "Telefon", "Phone")),
            Map.entry("roles", LocalizedText.of("Roolit", "Roller", "Roles")),
            Map.entry("consents", LocalizedText.of("Suostumukset", "Samtycken", "Consents")),
            Map.entry("purpose", LocalizedText.of("Tarkoitus", "Syfte", "Purpose")),
            Map.entry("source", LocalizedText.of("Lähde", "Källa", "Source")),
            Map.entry("since", LocalizedText.of("Alkaen", "Sedan", "Since")),
            Map.entry("answers", LocalizedText.of("Vastaukset", "Svar", "Answers")),
            Map.entry("attendedSessions", LocalizedText.of("Osallistutut tilaisuudet", "Närvarade tillfällen", "Sessions attended")),
            Map.entry("remindedSessions", LocalizedText.of("Muistutetut tilaisuudet", "Påminda tillfällen", "Sessions reminded of")),
            Map.entry("eventId", LocalizedText.of("Tapahtuma", "Evenemang", "Event")),
            Map.entry("registrationId", LocalizedText.of("Ilmoittautuminen", "Anmälan", "Registration")),
            Map.entry("type", LocalizedText.of("Tyyppi", "Typ", "Type")),
            Map.entry("mergedFrom", LocalizedText.of("Yhdistetyt henkilöt", "Sammanslagna personer", "People merged into this one")),
            Map.entry("lastActivityAt", LocalizedText.of("Viimeisin toiminta", "Senaste aktivitet", "Last activity")),
            Map.entry("organisationId", LocalizedText.of("Organisaation tunniste", "Organisationens id", "Organisation id")));

    private ExportDocument() {
    }

    static String html(PersonalDataExport.Export export) {
        String lang = export.language();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\">\n<head><meta charset=\"utf-8\">")
                .append("<title>").append(label("title", lang)).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("text-align:left;vertical-align:top}th{background:#f3f3f3;font-weight:600}</style></head>\n<body>\n")
                .append("<h1>").append(label("title", lang)).append("</h1>\n<p>").append(label("intro", lang)).append("</p>\n")
                .append("<p>").append(label("generated", lang)).append(": ").append(WHEN.format(export.generatedAt()))
                .append("<br>").append(label("requestedBy", lang)).append(": ").append(escape(export.requestedBy().name()))
                .append(" (").append(escape(String.join(", ", export.requestedBy().cities()))).append(")</p>\n");
        for (PersonalDataReport source : export.sources()) {
            html.append("<h2>").append(label(source.service(), lang)).append("</h2>\n");
            source.items().forEach((kind, items) -> {
                html.append("<h3>").append(label(kind, lang)).append("</h3>\n");
                if (items.isEmpty()) {
                    html.append("<p>").append(label("none", lang)).append("</p>\n");
                }
                for (Map<String, Object> item : items) {
                    html.append(table(item, lang)).append('\n');
                }
            });
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String table(Map<?, ?> item, String lang) {
        StringBuilder table = new StringBuilder("<table>");
        item.forEach((field, value) -> table.append("<tr><th>").append(fieldLabel(String.valueOf(field), lang))
                .append("</th><td>").append(value(value, lang)).append("</td></tr>"));
        return table.append("</table>").toString();
    }

    private static String value(Object value, String lang) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            if (map.keySet().stream().allMatch(key -> List.of("fi", "sv", "en").contains(String.valueOf(key)))) {
                return escape(LocalizedText.of(str(map.get("fi")), str(map.get("sv")), str(map.get("en"))).in(lang));
            }
            return table(map, lang);
        }
        if (value instanceof Collection<?> list) {
            StringBuilder items = new StringBuilder();
            for (Object item : list) {
                items.append(items.isEmpty() ? "" : item instanceof Map<?, ?> ? "" : ", ").append(value(item, lang));
            }
            return items.toString();
        }
        if (value instanceof Instant instant) {
            return WHEN.format(instant);
        }
        if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")) {
            return WHEN.format(Instant.parse(text));
        }
        return escape(String.valueOf(value));
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String fieldLabel(String field, String lang) {
        LocalizedText known = LABELS.get(field.equals("title") ? "title.field" : field);
        return known == null ? escape(field) : escape(known.in(lang));
    }

    private static String label(String key, String lang) {
        LocalizedText known = LABELS.get(key);
        return escape(known == null ? key : known.in(lang));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
