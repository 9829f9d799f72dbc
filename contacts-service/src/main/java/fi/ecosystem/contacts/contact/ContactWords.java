package fi.ecosystem.contacts.contact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A word index of people kept in its own collection, {@code contact_words}: one small document per word of a
 * person's name ({@code n:}) and organisation ({@code o:}), its id {@code <kind>:<word>:<contactId>}, carrying the
 * person's projects and sort name. A prefix search is a range of ids — the one index every store has: MongoDB
 * scans the {@code _id} index range, and the embedded store (mongo-java-server, which ignores secondary indexes
 * and would otherwise read every person) scans only the keys of its {@code _id} index. The page's people are then
 * read by id, again through {@code _id}.
 *
 * <p>Kept in step after every save of a person (the words they had are stored with them, so the ones they lost
 * are removed). Two documents change without a transaction: a crash between them leaves a person's words stale
 * until their next change; {@link #rebuild()} builds the index from the people when it is empty (first start,
 * upgrade).
 */
@Component
public class ContactWords extends AbstractMongoEventListener<Contact> implements ApplicationRunner {

    static final String COLLECTION = "contact_words";
    static final String NAME = "n";
    static final String ORGANISATION = "o";
    private static final Logger log = LoggerFactory.getLogger(ContactWords.class);

    private final MongoTemplate mongo;

    ContactWords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A person as the index knows them. */
    record Entry(String contactId, Set<String> projectIds, String sortName) {
    }

    static Set<String> keysOf(Contact contact) {
        Set<String> keys = new LinkedHashSet<>();
        contact.searchTokens().forEach(word -> keys.add(NAME + ":" + word + ":" + contact.id()));
        contact.organisationTokens().forEach(word -> keys.add(ORGANISATION + ":" + word + ":" + contact.id()));
        return keys;
    }

    @Override
    public void onBeforeConvert(BeforeConvertEvent<Contact> event) {
        event.getSource().indexWords(keysOf(event.getSource()));
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Contact> event) {
        Contact contact = event.getSource();
        Set<String> lost = new HashSet<>(contact.previouslyIndexedWords());
        lost.removeAll(contact.indexedWords());
        if (!lost.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(lost)), COLLECTION);
        }
        if (!contact.indexedWords().isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            for (String key : contact.indexedWords()) {
                bulk.upsert(new Query(Criteria.where("_id").is(key)), new Update().set("c", contact.id())
                        .set("p", List.copyOf(contact.projectIds())).set("s", contact.sortName()));
            }
            bulk.execute();
        }
    }

    /**
     * The people whose words begin with the given prefixes — every name prefix and every organisation prefix —
     * and whose projects pass the access rule and the other filters; sorted by name.
     */
    List<Entry> find(List<String> namePrefixes, List<String> organisationPrefixes,
            java.util.function.Predicate<Set<String>> linkedProjectsAllowed, boolean descending) {
        Map<String, Entry> found = null;
        for (String kind : List.of(NAME, ORGANISATION)) {
            for (String prefix : kind.equals(NAME) ? namePrefixes : organisationPrefixes) {
                Map<String, Entry> matching = new HashMap<>();
                Query range = new Query(Criteria.where("_id").regex("^" + Pattern.quote(kind + ":" + prefix)));
                for (Document word : mongo.find(range, Document.class, COLLECTION)) {
                    String contactId = word.getString("c");
                    if (found == null || found.containsKey(contactId)) {
                        matching.put(contactId, new Entry(contactId, new HashSet<>(word.getList("p", String.class, List.of())),
                                word.getString("s")));
                    }
                }
                found = matching;
            }
        }
        Comparator<Entry> byName = Comparator.comparing(Entry::sortName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Entry::contactId);
        List<Entry> result = new ArrayList<>();
        for (Entry entry : found == null ? List.<Entry>of() : found.values()) {
            if (linkedProjectsAllowed.test(entry.projectIds())) {
                result.add(entry);
            }
        }
        result.sort(descending ? byName.reversed() : byName);
        return result;
    }

    /** Builds the index from the people when it is empty (first start, or an upgrade from before it existed). */
    @Override
    public void run(ApplicationArguments args) {
        if (mongo.collectionExists(COLLECTION) && mongo.count(new Query().limit(1), COLLECTION) > 0) {
            return;
        }
        rebuild();
    }

    public long rebuild() {
        long written = 0;
        List<Document> batch = new ArrayList<>();
        Query people = new Query(Criteria.where("mergedInto").is(null));
        people.fields().include("firstName", "lastName", "organisationName", "projectIds", "searchTokens",
                "organisationTokens", "sortName", "anonymisedAt", "mergedInto");
        try (var stream = mongo.stream(people, Contact.class)) {
            for (Contact contact : (Iterable<Contact>) stream::iterator) {
                for (String key : keysOf(contact)) {
                    batch.add(new Document("_id", key).append("c", contact.id()).append("p", List.copyOf(contact.projectIds()))
                            .append("s", contact.sortName()));
                }
                if (batch.size() >= 5_000) {
                    written += write(batch);
                }
            }
        }
        written += write(batch);
        if (written > 0) {
            log.info("Word index of people built: {} words", written);
        }
        return written;
    }

    private long write(List<Document> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Document word : batch) {
            bulk.upsert(new Query(Criteria.where("_id").is(word.getString("_id"))),
                    new Update().set("c", word.get("c")).set("p", word.get("p")).set("s", word.get("s")));
        }
        bulk.execute();
        int size = batch.size();
        batch.clear();
        return size;
    }
}
