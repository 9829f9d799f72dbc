package fi.ecosystem.events.registration;

import fi.ecosystem.platform.web.InvalidFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an organiser's CSV upload of participants. The first line names the columns, in any order and in
 * Finnish, Swedish or English ({@code email;firstName;lastName;organisation;businessId;language},
 * {@code sähköposti;etunimi;…;organisaatio;y-tunnus;kieli});
 * any other column holds the answers to a question (named by its text or id, see {@code QuestionColumns}). Semicolons, commas or tabs; quotes
 * as in RFC 4180; a BOM is skipped. Each row is checked on its own, so one bad row never stops the others.
 */
public final class RegistrationImport {

    /** Rows in one upload; bigger lists go in several files. */
    public static final int MAX_ROWS = 5_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("sähköposti", "email"),
            Map.entry("e-post", "email"), Map.entry("firstname", "firstName"), Map.entry("first name", "firstName"),
            Map.entry("etunimi", "firstName"), Map.entry("förnamn", "firstName"), Map.entry("lastname", "lastName"),
            Map.entry("last name", "lastName"), Map.entry("sukunimi", "lastName"), Map.entry("efternamn", "lastName"),
            Map.entry("organisation", "organisation"), Map.entry("organization", "organisation"),
            Map.entry("organisaatio", "organisation"), Map.entry("organisationname", "organisation"),
            Map.entry("organizationname", "organisation"), Map.entry("organisation name", "organisation"), Map.entry("language", "language"), Map.entry("kieli", "language"),
            Map.entry("språk", "language"), Map.entry("businessid", "businessId"), Map.entry("business id", "businessId"),
            Map.entry("business-id", "businessId"), Map.entry("y-tunnus", "businessId"), Map.entry("ytunnus", "businessId"),
            Map.entry("fo-nummer", "businessId"), Map.entry("fo nummer", "businessId"));

    /** A language by its name in fi/sv/en, as the registrations download writes it, or by its code. */
    private static final Map<String, String> LANGUAGES = Map.of("suomi", "fi", "finska", "fi", "finnish", "fi",
            "ruotsi", "sv", "svenska", "sv", "swedish", "sv", "englanti", "en", "engelska", "en", "english", "en");

    /** One data row: its line number in the file, what it says, and what is wrong with it (empty when fine). */
    public record Row(int line, Participant participant, Map<String, String> answers,
            List<InvalidFields.FieldError> errors) {
    }

    private RegistrationImport() {
    }

    public static List<Row> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> lines = records(text, separatorOf(text));
        if (lines.isEmpty()) {
            throw InvalidFields.of("file", "file-empty", "The file is empty; its first line names the columns");
        }
        List<String> header = lines.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.stream().map(COLUMNS::get).toList().containsAll(List.of("email", "firstName", "lastName"))) {
            throw InvalidFields.of("file", "file-columns", "The first line must name the columns email, firstName and lastName; it has " + header);
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw InvalidFields.of("file", "file-too-many-rows", "At most " + MAX_ROWS + " rows in one file; this one has " + (lines.size() - 1));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(row(i + 1, header, cells));
        }
        return rows;
    }

    private static Row row(int line, List<String> header, List<String> cells) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String value = c < cells.size() ? cells.get(c).strip() : "";
            String column = COLUMNS.get(header.get(c));
            if (column != null) {
                fields.put(column, value);
            } else if (!header.get(c).isBlank() && !value.isEmpty()) {
                answers.put(header.get(c).startsWith("answer:") ? header.get(c).substring(7) : header.get(c), value);
            }
        }
        List<InvalidFields.FieldError> errors = new ArrayList<>();
        String email = fields.getOrDefault("email", "");
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add(new InvalidFields.FieldError("email", "Email", "is not an e-mail address: '" + email + "'"));
        }
        for (String name : List.of("firstName", "lastName")) {
            String value = fields.getOrDefault(name, "");
            if (value.isEmpty() || value.length() > 100) {
                errors.add(new InvalidFields.FieldError(name, value.isEmpty() ? "NotBlank" : "Size",
                        value.isEmpty() ? "must not be blank" : "at most 100 characters"));
            }
        }
        String typed = fields.getOrDefault("language", "").toLowerCase(Locale.ROOT);
        String language = LANGUAGES.getOrDefault(typed, typed);
        if (!language.isEmpty() && !List.of("fi", "sv", "en").contains(language)) {
            errors.add(new InvalidFields.FieldError("language", "language", "must be fi, sv or en"));
        }
        String organisation = fields.getOrDefault("organisation", "");
        if (organisation.length() > 200) {
            errors.add(new InvalidFields.FieldError("organisation", "Size", "at most 200 characters"));
        }
        // checked against the event's setting when registered: a valid Y-tunnus, kept only by an event that asks for it
        String businessId = fields.getOrDefault("businessId", "");
        if (businessId.length() > 20) {
            errors.add(new InvalidFields.FieldError("businessId", "business-id-invalid",
                    "must be a Finnish business ID (Y-tunnus) 1234567-8 with a correct check digit"));
        }
        return new Row(line, new Participant(email, fields.get("firstName"), fields.get("lastName"),
                organisation.isEmpty() ? null : organisation, businessId.isEmpty() ? null : businessId,
                language.isEmpty() ? null : language), answers, errors);
    }

    /** The separator of the header line: the most frequent of semicolon, tab and comma outside quotes. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ';';
        long most = -1;
        for (char candidate : new char[] {';', '\t', ','}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    /** RFC 4180 records: quoted fields may hold separators, line breaks and doubled quotes. */
    static List<List<String>> records(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                current.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !current.isEmpty()) {
            current.add(field.toString());
            records.add(current);
        }
        return records;
    }
}
