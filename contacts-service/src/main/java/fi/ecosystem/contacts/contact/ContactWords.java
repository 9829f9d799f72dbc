package fi.ecosystem.contacts.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A word index of people kept in its own collection, {@code contact_words}: one small document per word of a
 * person's name ({@code n:}) and organisation ({@code o:}), per role ({@code r:}), linked project ({@code p:}) and
 * organisation id ({@code g:}), its id {@code <kind>:<term>:<contactId>} (see {@link ContactWordEntries}). Each
 * carries the person's words, roles, projects and sort name, so a search reads one range of ids — the most
 * selective condition — and checks every other condition on what it read. A range of ids is the one index every
 * store answers: MongoDB from its {@code _id} B-tree, the local stack's embedded store from its ordered keys
 * (deploy/local OrderedUniqueIndex). The page's people are then read by id.
 *
 * <p>Kept in step with every save of a person: the entries are made from the document being saved, and the ids
 * the person had are stored with them, so the ones they lost are removed. Two documents change without a
 * transaction: a crash between them leaves a person's entries stale until their next change. {@link #rebuild()}
 * builds the index from the people when it is of an older version or missing (first start, upgrade).
 */
@Component
public class ContactWords extends AbstractMongoEventListener<Contact> implements ApplicationRunner {

    static final String COLLECTION = "contact_words";
    private static final Logger log = LoggerFactory.getLogger(ContactWords.class);
    /** Reads of the people after a write of their entries, at most: each finds the newer saves since the one before. */
    private static final int SETTLE_ROUNDS = 3;

    private final MongoTemplate mongo;
    /** The entries of the saves of {@link #together} on this thread, and the ids the people lost; null outside it. */
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    ContactWords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Entries to write and ids to remove, the later save of a person winning; what each person's saves wrote. */
    private record Pending(Map<String, Document> entries, Set<String> lost, Map<String, Written> written) {
    }

    /** The entries written for a save of a person: the version saved and the ids of the entries. */
    private record Written(Object version, Set<String> ids) {

        Written and(Written later) {
            Set<String> both = new HashSet<>(ids);
            both.addAll(later.ids());
            return new Written(later.version(), both);
        }
    }

    /**
     * What a search asks for. Lists may be empty; role and organisation id are null when not asked for.
     *
     * @param projects the scopes whose people are read when nothing else narrows the search (the caller's, or
     *                 the project or the city's asked for)
     * @param visible  which facts the caller may see (their scopes; for an event organiser, where the person took part)
     * @param linkedAllowed the project and city filters, on the scopes the caller sees the person through
     */
    record Search(List<String> namePrefixes, List<String> organisationPrefixes, String role, String organisationId,
            Collection<String> projects, Predicate<ContactWordEntries.Fact> visible, Predicate<Set<String>> linkedAllowed,
            boolean descending) {
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Contact> event) {
        Set<String> keys = ContactWordEntries.of(event.getDocument()).keySet();
        event.getSource().indexWords(keys);
        event.getDocument().put("indexedWords", List.copyOf(keys));
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Contact> event) {
        Contact contact = event.getSource();
        Map<String, Document> entries = ContactWordEntries.of(event.getDocument());
        Set<String> lost = new HashSet<>(contact.previouslyIndexedWords());
        lost.removeAll(entries.keySet());
        Written written = new Written(event.getDocument().get("version"), entries.keySet());
        Pending together = pending.get();
        if (together != null) {
            together.lost().removeAll(entries.keySet());
            together.lost().addAll(lost);
            together.entries().keySet().removeAll(lost);
            together.entries().putAll(entries);
            together.written().merge(contact.id(), written, Written::and);
            return;
        }
        remove(lost);
        write(entries);
        settle(Map.of(contact.id(), written));
    }

    /**
     * After the entries of these saves were written: a person saved again since (or gone) gets the entries of what is
     * stored now, one read for all of them. The entries are written after the person's save and unguarded by its
     * version, so two threads writing one person's entries (the registrations consumer after its save, an erasure
     * after its own) can interleave with the older write landing last, bringing back what the newer save removed (an
     * erased person's names). The thread of that older write reads the person after it, sees the newer version and
     * writes its entries again; a later save still to write its own reads after its write too.
     */
    private void settle(Map<String, Written> written) {
        Map<String, Written> unsettled = written;
        for (int round = 0; round < SETTLE_ROUNDS && !unsettled.isEmpty(); round++) {
            Query stored = new Query(Criteria.where("_id").in(unsettled.keySet()));
            ContactWordEntries.FIELDS.forEach(stored.fields()::include);
            stored.fields().include("mergedInto").include("version");
            Map<String, Document> now = new HashMap<>();
            mongo.find(stored, Document.class, mongo.getCollectionName(Contact.class))
                    .forEach(person -> now.put(person.get("_id").toString(), person));
            Map<String, Written> again = new HashMap<>();
            Map<String, Document> entries = new LinkedHashMap<>();
            Set<String> gone = new HashSet<>();
            unsettled.forEach((contactId, mine) -> {
                Document person = now.get(contactId);
                if (person != null && sameVersion(person.get("version"), mine.version())) {
                    return;
                }
                Map<String, Document> current = person == null ? Map.of() : ContactWordEntries.of(person);
                mine.ids().stream().filter(id -> !current.containsKey(id)).forEach(gone::add);
                entries.putAll(current);
                if (person != null) {
                    again.put(contactId, new Written(person.get("version"), current.keySet()));
                }
            });
            remove(gone);
            write(entries);
            unsettled = again;
        }
    }

    private static boolean sameVersion(Object stored, Object saved) {
        return stored instanceof Number a && saved instanceof Number b ? a.longValue() == b.longValue() : Objects.equals(stored, saved);
    }

    /**
     * Runs the work with the entries of the people it saves written together when it ends (one removal and one bulk
     * write), not two writes per person: for the insert of a poll's new people. A change of one of its people by someone
     * else before it ends (an erasure) is found when the people are read after the write, and its entries written again
     * ({@link #settle}). What the saves that succeeded wrote is kept in step even when the work fails later. Not nested.
     */
    void together(Runnable work) {
        if (pending.get() != null) {
            throw new IllegalStateException("ContactWords.together is not nested");
        }
        Pending together = new Pending(new LinkedHashMap<>(), new HashSet<>(), new HashMap<>());
        pending.set(together);
        try {
            work.run();
        } finally {
            pending.remove();
            remove(together.lost());
            write(together.entries());
            settle(together.written());
        }
    }

    private void remove(Set<String> lost) {
        if (!lost.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(lost)), COLLECTION);
        }
    }

    /**
     * The people the search finds among those the caller sees, each matched on the facts the caller sees only,
     * sorted by the name the caller sees.
     */
    List<ContactWordEntries.Seen> find(Search search) {
        Map<String, ContactWordEntries.Seen> found = new HashMap<>();
        Set<String> checked = new HashSet<>();
        for (String range : ranges(search)) {
            Query query = new Query(Criteria.where("_id").regex("^" + Pattern.quote(range)));
            for (Document document : mongo.find(query, Document.class, COLLECTION)) {
                String contactId = document.getString("c");
                if (contactId == null || !checked.add(contactId)) {
                    continue;
                }
                ContactWordEntries.Seen seen = ContactWordEntries.Entry.of(document).seenThrough(search.visible());
                if (seen != null && matches(seen, search)) {
                    found.put(contactId, seen);
                }
            }
        }
        Comparator<ContactWordEntries.Seen> byName = Comparator.comparing(ContactWordEntries.Seen::sortName,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(ContactWordEntries.Seen::contactId);
        List<ContactWordEntries.Seen> result = new ArrayList<>(found.values());
        result.sort(search.descending() ? byName.reversed() : byName);
        return result;
    }

    /**
     * The ranges of ids to read: the longest word asked for (the fewest people begin with it), else the role, else
     * the organisation, else the people of each project.
     */
    private static List<String> ranges(Search search) {
        String longest = null;
        for (String kind : List.of(ContactWordEntries.NAME, ContactWordEntries.ORGANISATION)) {
            for (String prefix : kind.equals(ContactWordEntries.NAME) ? search.namePrefixes() : search.organisationPrefixes()) {
                if (longest == null || prefix.length() + 2 > longest.length()) {
                    longest = ContactWordEntries.range(kind, prefix, false);
                }
            }
        }
        if (longest != null) {
            return List.of(longest);
        }
        if (search.role() != null) {
            return List.of(ContactWordEntries.range(ContactWordEntries.ROLE, ContactWordEntries.roleTerm(search.role()), true));
        }
        if (search.organisationId() != null) {
            return List.of(ContactWordEntries.range(ContactWordEntries.ORGANISATION_ID, search.organisationId(), true));
        }
        return search.projects().stream().sorted().map(project -> ContactWordEntries.range(ContactWordEntries.PROJECT, project, true))
                .toList();
    }

    private static boolean matches(ContactWordEntries.Seen seen, Search search) {
        return seen.namesBegin(search.namePrefixes()) && seen.organisationBegins(search.organisationPrefixes())
                && (search.role() == null || seen.roles().contains(ContactWordEntries.roleTerm(search.role())))
                && (search.organisationId() == null || seen.organisationIds().contains(search.organisationId()))
                && search.linkedAllowed().test(seen.scopes());
    }

    /** Builds the index from the people when it is missing or of another version (first start, upgrade). */
    @Override
    public void run(ApplicationArguments args) {
        Document version = mongo.findById(ContactWordEntries.VERSION_ID, Document.class, COLLECTION);
        if (ContactWordEntries.versionEntry().equals(version)) {
            return;
        }
        rebuild();
    }

    /**
     * Writes every person's entries and removes entries of older versions; the people saved meanwhile write their
     * own, so replicas rebuilding at once do no harm.
     */
    public long rebuild() {
        long written = 0;
        Map<String, Document> batch = new LinkedHashMap<>();
        Query people = new Query(Criteria.where("mergedInto").is(null));
        ContactWordEntries.FIELDS.forEach(people.fields()::include);
        try (var stream = mongo.stream(people, Document.class, mongo.getCollectionName(Contact.class))) {
            for (Document person : (Iterable<Document>) stream::iterator) {
                batch.putAll(ContactWordEntries.of(person));
                if (batch.size() >= 5_000) {
                    written += write(batch);
                    batch.clear();
                }
            }
        }
        written += write(batch);
        mongo.remove(new Query(Criteria.where("_id").ne(ContactWordEntries.VERSION_ID).and("v").ne(ContactWordEntries.VERSION)),
                COLLECTION);
        mongo.save(ContactWordEntries.versionEntry(), COLLECTION);
        if (written > 0) {
            log.info("Word index of people built: {} entries", written);
        }
        return written;
    }

    private long write(Map<String, Document> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        entries.forEach((id, content) -> bulk.replaceOne(new Query(Criteria.where("_id").is(id)), new Document(content),
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
        return entries.size();
    }
}
