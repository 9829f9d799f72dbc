package fi.ecosystem.contacts.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The entries of the word index ({@link ContactWords}) a stored person has, made from the person's document alone
 * (plain BSON, so that the search benchmark writes exactly what the service writes). An entry's id is
 * {@code <kind>:<term>:<contactId>}; each entry carries what a search filters and sorts by, so that one range of
 * ids is read and every other condition is checked on the entries read.
 */
public final class ContactWordEntries {

    /** A word of the first or last name, folded. */
    static final String NAME = "n";
    /** A word of the organisation's name, folded. */
    static final String ORGANISATION = "o";
    /** A role in a project, e.g. PROJECT_MANAGER. */
    static final String ROLE = "r";
    /** A project the person is linked to. */
    static final String PROJECT = "p";
    /** The organisation's id. */
    static final String ORGANISATION_ID = "g";
    /** The entries' format; an index of another version is built again. */
    static final int VERSION = 2;
    /** The fields of a stored person the entries are made of. */
    public static final List<String> FIELDS = List.of("searchTokens", "organisationTokens", "projectIds", "roles.role",
            "organisationId", "sortName", "mergedInto");
    /** The id of the entry that holds the index's version. */
    static final String VERSION_ID = "#version";

    private ContactWordEntries() {
    }

    /** A person as the index knows them. */
    record Entry(String contactId, Set<String> projectIds, String sortName, List<String> nameWords,
            List<String> organisationWords, List<String> roles, String organisationId) {

        static Entry of(Document entry) {
            return new Entry(entry.getString("c"), new TreeSet<>(entry.getList("p", String.class, List.of())), entry.getString("s"),
                    entry.getList("n", String.class, List.of()), entry.getList("o", String.class, List.of()),
                    entry.getList("r", String.class, List.of()), entry.getString("g"));
        }

        /** Whether each prefix begins a word of the name. */
        boolean namesBegin(List<String> prefixes) {
            return eachBegins(prefixes, nameWords);
        }

        /** Whether each prefix begins a word of the organisation's name. */
        boolean organisationBegins(List<String> prefixes) {
            return eachBegins(prefixes, organisationWords);
        }

        private static boolean eachBegins(List<String> prefixes, List<String> words) {
            return prefixes.stream().allMatch(prefix -> words.stream().anyMatch(word -> word.startsWith(prefix)));
        }
    }

    /** The term of a role as roles are stored and searched: upper case, underscores. */
    static String roleTerm(String role) {
        return role.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /** The first part of the ids of the entries with this kind and term (or the beginning of a term). */
    static String range(String kind, String term, boolean wholeTerm) {
        return kind + ":" + term + (wholeTerm ? ":" : "");
    }

    /** The entry that says the index is of this version (written once it is complete). */
    public static Document versionEntry() {
        return new Document("_id", VERSION_ID).append("v", VERSION);
    }

    /** The entries of this stored person, by id; none for a person merged into another. */
    public static Map<String, Document> of(Document person) {
        Map<String, Document> entries = new LinkedHashMap<>();
        if (person.get("mergedInto") != null) {
            return entries;
        }
        String id = person.get("_id").toString();
        List<String> names = strings(person.get("searchTokens"));
        List<String> organisationWords = strings(person.get("organisationTokens"));
        List<String> projects = strings(person.get("projectIds"));
        List<String> roles = new ArrayList<>(new TreeSet<>(person.getList("roles", Document.class, List.of()).stream()
                .map(role -> role.getString("role")).filter(role -> role != null).map(ContactWordEntries::roleTerm).toList()));
        String organisationId = person.getString("organisationId");
        Document content = new Document("c", id).append("p", projects).append("s", person.getString("sortName"))
                .append("n", names).append("o", organisationWords).append("r", roles).append("g", organisationId)
                .append("v", VERSION);
        names.forEach(word -> entries.put(range(NAME, word, true) + id, content));
        organisationWords.forEach(word -> entries.put(range(ORGANISATION, word, true) + id, content));
        roles.forEach(role -> entries.put(range(ROLE, role, true) + id, content));
        projects.forEach(project -> entries.put(range(PROJECT, project, true) + id, content));
        if (organisationId != null && !organisationId.isBlank()) {
            entries.put(range(ORGANISATION_ID, organisationId, true) + id, content);
        }
        return entries;
    }

    private static List<String> strings(Object values) {
        if (!(values instanceof Collection<?> collection)) {
            return List.of();
        }
        return collection.stream().map(Object::toString).sorted().toList();
    }
}
