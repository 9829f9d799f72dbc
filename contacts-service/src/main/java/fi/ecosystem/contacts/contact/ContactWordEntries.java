package fi.ecosystem.contacts.contact;

import fi.ecosystem.platform.search.SearchWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The entries of the word index ({@link ContactWords}) a stored person has, made from the person's document alone
 * (plain BSON, so that the search benchmark writes exactly what the service writes). An entry's id is
 * {@code <kind>:<term>:<contactId>}; each entry carries the person's facts per source scope ({@code f}: scope,
 * name words, organisation words, roles, organisation id, sort name, whether they took part in its events), so
 * that one range of ids is read and every other condition is checked on the facts the caller may see.
 */
public final class ContactWordEntries {

    /** A word of the first or last name, folded. */
    static final String NAME = "n";
    /** A word of the organisation's name, folded. */
    static final String ORGANISATION = "o";
    /** A role in a project, e.g. PROJECT_MANAGER. */
    static final String ROLE = "r";
    /** A scope (project, or city) the person is linked through. */
    static final String PROJECT = "p";
    /** The organisation's id. */
    static final String ORGANISATION_ID = "g";
    /** The entries' format; an index of another version is built again. 3: facts per scope. */
    static final int VERSION = 3;
    /** The fields of a stored person the entries are made of. */
    public static final List<String> FIELDS = List.of("searchTokens", "organisationTokens", "projectIds", "roles",
            "organisationId", "sortName", "mergedInto", "entries", "participatedIn", "consents", "anonymisedAt");
    /** The id of the entry that holds the index's version. */
    static final String VERSION_ID = "#version";

    private ContactWordEntries() {
    }

    /** What one scope says of a person, as the index keeps it. */
    record Fact(String scope, List<String> nameWords, List<String> organisationWords, List<String> roles,
            String organisationId, String sortName, boolean participated) {

        static Fact of(Document fact) {
            return new Fact(fact.getString("k"), fact.getList("n", String.class, List.of()), fact.getList("o", String.class, List.of()),
                    fact.getList("r", String.class, List.of()), fact.getString("g"), fact.getString("s"),
                    Boolean.TRUE.equals(fact.getBoolean("e")));
        }

        Document toDocument() {
            return new Document("k", scope).append("n", nameWords).append("o", organisationWords).append("r", roles)
                    .append("g", organisationId).append("s", sortName).append("e", participated);
        }
    }

    /** A person as the index knows them: their facts by scope, the latest entry first. */
    record Entry(String contactId, List<Fact> facts) {

        static Entry of(Document entry) {
            return new Entry(entry.getString("c"), entry.getList("f", Document.class, List.of()).stream().map(Fact::of).toList());
        }

        /** The person as a caller sees them in the index: the facts they may see; null when none. */
        Seen seenThrough(Predicate<Fact> visible) {
            List<Fact> shown = facts.stream().filter(visible).toList();
            if (shown.isEmpty()) {
                return null;
            }
            Set<String> scopes = new TreeSet<>();
            List<String> names = new ArrayList<>();
            List<String> organisationWords = new ArrayList<>();
            Set<String> roles = new TreeSet<>();
            Set<String> organisationIds = new TreeSet<>();
            String sortName = null;
            for (Fact fact : shown) {
                scopes.add(fact.scope());
                names.addAll(fact.nameWords());
                organisationWords.addAll(fact.organisationWords());
                roles.addAll(fact.roles());
                if (fact.organisationId() != null) {
                    organisationIds.add(fact.organisationId());
                }
                if (sortName == null && fact.sortName() != null) {
                    sortName = fact.sortName();
                }
            }
            return new Seen(contactId, scopes, sortName, names, organisationWords, roles, organisationIds);
        }
    }

    /** What a caller sees of a person in the index, and the conditions of a search checked on it. */
    record Seen(String contactId, Set<String> scopes, String sortName, List<String> nameWords, List<String> organisationWords,
            Set<String> roles, Set<String> organisationIds) {

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
        List<Fact> facts = factsOf(person);
        Document content = new Document("c", id).append("f", facts.stream().map(Fact::toDocument).toList()).append("v", VERSION);
        for (Fact fact : facts) {
            fact.nameWords().forEach(word -> entries.put(range(NAME, word, true) + id, content));
            fact.organisationWords().forEach(word -> entries.put(range(ORGANISATION, word, true) + id, content));
            fact.roles().forEach(role -> entries.put(range(ROLE, role, true) + id, content));
            entries.put(range(PROJECT, fact.scope(), true) + id, content);
            if (fact.organisationId() != null && !fact.organisationId().isBlank()) {
                entries.put(range(ORGANISATION_ID, fact.organisationId(), true) + id, content);
            }
        }
        return entries;
    }

    /**
     * The person's facts by scope: each entry's details, the roles and participations of its project, and the
     * scopes of consents and links. A person stored before entries existed (not migrated yet, or written by an
     * older benchmark) counts their details as those of each linked project.
     */
    static List<Fact> factsOf(Document person) {
        boolean anonymised = person.get("anonymisedAt") != null;
        Map<String, Document> details = new LinkedHashMap<>();
        if (person.get("entries") instanceof List<?>) {
            List<Document> stored = person.getList("entries", Document.class);
            stored.stream().sorted(Comparator.comparing((Document entry) -> entry.getDate("at"),
                    Comparator.nullsLast(Comparator.reverseOrder())))
                    .forEach(entry -> details.putIfAbsent(entry.getString("scope"), entry));
        } else {
            for (String project : strings(person.get("projectIds"))) {
                details.put(project, new Document("organisationId", person.getString("organisationId"))
                        .append("legacy", true));
            }
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (Document role : person.getList("roles", Document.class, List.of())) {
            if (role.getString("projectId") != null && role.getString("role") != null) {
                roles.computeIfAbsent(role.getString("projectId"), scope -> new TreeSet<>()).add(roleTerm(role.getString("role")));
            }
        }
        Set<String> participated = new TreeSet<>(strings(person.get("participatedIn")));
        Set<String> scopes = new LinkedHashSet<>(details.keySet());
        scopes.addAll(roles.keySet());
        scopes.addAll(participated);
        scopes.addAll(strings(person.get("projectIds")));
        for (Document consent : person.getList("consents", Document.class, List.of())) {
            if (consent.getString("scope") != null) {
                scopes.add(consent.getString("scope"));
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (String scope : scopes) {
            Document entry = details.get(scope);
            List<String> names = List.of();
            List<String> organisationWords = List.of();
            String sortName = null;
            String organisationId = null;
            if (entry != null && !anonymised) {
                if (Boolean.TRUE.equals(entry.getBoolean("legacy"))) {
                    names = strings(person.get("searchTokens"));
                    organisationWords = strings(person.get("organisationTokens"));
                    sortName = person.getString("sortName");
                } else {
                    String first = entry.getString("firstName");
                    String last = entry.getString("lastName");
                    names = new ArrayList<>(new TreeSet<>(SearchWords.of(first, last)));
                    organisationWords = new ArrayList<>(new TreeSet<>(SearchWords.of(entry.getString("organisationName"))));
                    sortName = first == null && last == null ? null
                            : SearchWords.fold(((last == null ? "" : last) + " " + (first == null ? "" : first)).trim());
                }
                organisationId = entry.getString("organisationId");
            }
            if (anonymised) {
                sortName = "~";
            }
            facts.add(new Fact(scope, names, organisationWords, List.copyOf(roles.getOrDefault(scope, Set.of())),
                    organisationId == null || organisationId.isBlank() ? null : organisationId, sortName,
                    participated.contains(scope)));
        }
        return facts;
    }

    private static List<String> strings(Object values) {
        if (!(values instanceof Collection<?> collection)) {
            return List.of();
        }
        return collection.stream().map(Object::toString).sorted().toList();
    }
}
