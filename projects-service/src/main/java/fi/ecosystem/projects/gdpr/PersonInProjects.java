package fi.ecosystem.projects.gdpr;

import fi.ecosystem.contracts.EmailHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Finds a person, by the keyed hash of their e-mail, among the contact persons of projects — in a project and in
 * the audit trail's before/after pictures of it, which keep every earlier version of the contact list.
 */
final class PersonInProjects {

    static final String ERASED = "–";

    private PersonInProjects() {
    }

    /** The person looked for: the keyed hash of their address, and how addresses are hashed. */
    record Wanted(String emailHash, EmailHash hashing) {
    }

    /** Is this stored contact ({@code name, role, organisation, email}) the person? */
    static boolean isThePerson(Object contact, Wanted person) {
        return contact instanceof Map<?, ?> map && map.get("email") instanceof String email && !email.isBlank()
                && person.hashing().of(email).equals(person.emailHash());
    }

    /** The person's entries in a stored contact list (a list of maps, or anything else: none). */
    static List<Map<?, ?>> in(Object contacts, Wanted person) {
        List<Map<?, ?>> found = new ArrayList<>();
        if (contacts instanceof Collection<?> list) {
            for (Object contact : list) {
                if (isThePerson(contact, person)) {
                    found.add((Map<?, ?>) contact);
                }
            }
        }
        return found;
    }

    /** The audit changes of the contact list that show the person, before or after. */
    static List<Document> contactChanges(Document auditEntry, Wanted person) {
        List<Document> changes = new ArrayList<>();
        for (Document change : auditEntry.getList("changes", Document.class, List.of())) {
            if ("contacts".equals(change.getString("field"))
                    && (!in(change.get("before"), person).isEmpty() || !in(change.get("after"), person).isEmpty())) {
                changes.add(change);
            }
        }
        return changes;
    }

    /**
     * Replaces, anywhere in a stored value, the person's contact entries (name and address gone, role and
     * organisation kept: the project had someone in that role) and any text equal to what identified them.
     * Returns the value to store.
     */
    static Object anonymise(Object value, Wanted person, Set<String> identifying) {
        if (isThePerson(value, person)) {
            Document erased = new Document(castMap(value));
            erased.put("name", ERASED);
            erased.put("email", null);
            return erased;
        }
        if (value instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((field, inner) -> copy.put(String.valueOf(field), anonymise(inner, person, identifying)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(anonymise(item, person, identifying)));
            return copy;
        }
        if (value instanceof String text) {
            for (String identifier : identifying) {
                // very short identifiers would match unrelated words
                if (identifier.length() >= 4 && text.toLowerCase(Locale.ROOT).contains(identifier.toLowerCase(Locale.ROOT))) {
                    return ERASED;
                }
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
