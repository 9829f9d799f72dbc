package fi.ecosystem.platform.privacy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One AES-256 key per data subject, in a database of its own that every service shares
 * ({@code personal-data-keys}, collection {@code data_subject_keys}), looked up by key id (the keyed hash of
 * the person's e-mail, or {@code contact:<id>}). Only keys are here, never the data they protect, and only
 * wrapped: each key is encrypted with a key-encryption key ({@link KeyEncryptionKeys}) that lives in the
 * services' configuration, never in a database — a copy or backup of this database opens nothing.
 * Deleting a person's keys makes everything sealed with them unreadable for good — also the copies Kafka
 * retains, which nobody can delete one by one.
 *
 * <p>Stored: {@code {_id: key id, alg: "A256GCMKW", kek: KEK id, iv, wrappedKey, createdAt}}. Keys stored in
 * clear by earlier versions ({@code key}) are still read, and {@link #rewrap()} wraps them.
 */
public class PersonalDataKeys {

    static final String COLLECTION = "data_subject_keys";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

    private final MongoTemplate store;
    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();
    /** The keys made by {@link #withKeysMade} for the work running on this thread; null outside it. */
    private final ThreadLocal<Map<String, SecretKey>> made = new ThreadLocal<>();

    public PersonalDataKeys(MongoTemplate store, KeyEncryptionKeys keks) {
        this.store = store;
        this.keks = keks;
    }

    /**
     * The subject's key, created on first use: one upsert that stores a new key only when the subject has none and
     * returns the one stored (concurrent creators agree on the one stored first). Inside {@link #withKeysMade} for the
     * subject, the key made there, without a store command.
     */
    public SecretKey keyFor(String subject) {
        Map<String, SecretKey> madeHere = made.get();
        if (madeHere != null && madeHere.containsKey(subject)) {
            return madeHere.get(subject);
        }
        Update created = new Update();
        newKey(subject).document().forEach((field, value) -> {
            if (!"_id".equals(field)) {
                created.setOnInsert(field, value);
            }
        });
        Document stored;
        try {
            stored = store.findAndModify(new Query(Criteria.where("_id").is(subject)), created,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        } catch (DuplicateKeyException createdConcurrently) {
            stored = store.findById(subject, Document.class, COLLECTION);
        }
        if (stored == null) {
            throw new IllegalStateException("Key " + subject + " vanished");
        }
        return new SecretKeySpec(plain(subject, stored), "AES");
    }

    /**
     * The subject's key; nothing when it was shredded (or never made). An error, not nothing, when it is
     * wrapped with a KEK that is not configured: the person is not erased, the configuration is wrong.
     */
    public Optional<SecretKey> existing(String subject) {
        Document found = store.findById(subject, Document.class, COLLECTION);
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new SecretKeySpec(plain(subject, found), "AES"));
    }

    /** The keys of those of the subjects that have one, read together ({@code $in} on the id, 500 at a time). */
    public Map<String, SecretKey> existing(Collection<String> subjects) {
        Map<String, SecretKey> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(subjects));
        for (int from = 0; from < all.size(); from += BATCH) {
            Query these = new Query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + BATCH))));
            for (Document stored : store.find(these, Document.class, COLLECTION)) {
                String subject = String.valueOf(stored.get("_id"));
                found.put(subject, new SecretKeySpec(plain(subject, stored), "AES"));
            }
        }
        return found;
    }

    /**
     * Runs the work with the keys of these subjects made beforehand in one write (an unordered insert of them all; one
     * read of those that had a key already): {@link #keyFor} of one of them during the work, on this thread, returns it
     * without a store command. For records a batch makes at once, whose subjects are new (a poll's new people): one
     * write instead of one per person. The keys are stored before the work seals anything with them. Not nested.
     */
    public void withKeysMade(Collection<String> subjects, Runnable work) {
        if (made.get() != null) {
            throw new IllegalStateException("PersonalDataKeys.withKeysMade is not nested");
        }
        Map<String, SecretKey> keys = new HashMap<>();
        List<Document> stored = new ArrayList<>();
        for (String subject : new LinkedHashSet<>(subjects)) {
            NewKey key = newKey(subject);
            stored.add(key.document());
            keys.put(subject, key.key());
        }
        if (!stored.isEmpty()) {
            try {
                store.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(stored).execute();
            } catch (DuplicateKeyException | BulkOperationException someHadOne) {
                // the others were written (unordered); those who had a key keep it: every key as stored now
                keys.putAll(existing(keys.keySet()));
            }
        }
        made.set(keys);
        try {
            work.run();
        } finally {
            made.remove();
        }
    }

    /** A fresh key and its stored form, wrapped with the current KEK. */
    private record NewKey(SecretKey key, Document document) {
    }

    private NewKey newKey(String subject) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(subject, key);
        return new NewKey(new SecretKeySpec(key, "AES"), new Document("_id", subject).append("alg", KeyEncryptionKeys.ALGORITHM)
                .append("kek", wrapped.kekId()).append("iv", new Binary(wrapped.iv()))
                .append("wrappedKey", new Binary(wrapped.wrappedKey())).append("createdAt", new Date()));
    }

    /** Deletes the subjects' keys; returns how many there were. Deleting again changes nothing. */
    public long shred(Collection<String> subjects) {
        return store.remove(new Query(Criteria.where("_id").in(subjects)), COLLECTION).getDeletedCount();
    }

    /** What a re-wrap did: keys found in clear and wrapped, keys moved from an old KEK to the current one. */
    public record Rewrapped(long fromClear, long fromOldKek) {
    }

    /**
     * Wraps every key stored in clear and re-wraps every key of an old KEK with the current one. Each
     * update is conditional on what was read, so replicas running it at once, or an erasure meanwhile, do
     * no harm, and running it again changes nothing. Fails, after the rest is done, when keys of a KEK that
     * is not configured remain.
     */
    public Rewrapped rewrap() {
        long fromClear = 0;
        long fromOldKek = 0;
        long unknown = 0;
        // the index lets MongoDB skip the keys of the current KEK: a pass with nothing to do reads nothing
        store.indexOps(COLLECTION).createIndex(new Index().on("kek", Sort.Direction.ASC).named("kek"));
        Query stale = new Query(Criteria.where("kek").ne(keks.currentId()));
        BulkOperations batch = store.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int inBatch = 0;
        try (Stream<Document> found = store.stream(stale, Document.class, COLLECTION)) {
            for (Document stored : (Iterable<Document>) found::iterator) {
                String subject = String.valueOf(stored.get("_id"));
                boolean clear = stored.get("wrappedKey") == null;
                if (!clear && !keks.knows(stored.getString("kek"))) {
                    unknown++;
                    continue;
                }
                Criteria asRead = Criteria.where("_id").is(stored.get("_id"));
                asRead = clear ? asRead.and("key").exists(true) : asRead.and("kek").is(stored.getString("kek"));
                KeyEncryptionKeys.Wrapped wrapped = keks.wrap(subject, plain(subject, stored));
                batch.updateOne(new Query(asRead), new Update().set("alg", KeyEncryptionKeys.ALGORITHM)
                        .set("kek", wrapped.kekId()).set("iv", new Binary(wrapped.iv()))
                        .set("wrappedKey", new Binary(wrapped.wrappedKey())).unset("key"));
                if (clear) {
                    fromClear++;
                } else {
                    fromOldKek++;
                }
                if (++inBatch == BATCH) {
                    batch.execute();
                    batch = store.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) {
            batch.execute();
        }
        if (fromClear + fromOldKek > 0) {
            log.info("Data subject keys wrapped with KEK {}: {} stored in clear before, {} re-wrapped from an old KEK",
                    keks.currentId(), fromClear, fromOldKek);
        }
        if (unknown > 0) {
            throw new IllegalStateException(unknown + " data subject keys are wrapped with a KEK that is not configured"
                    + " (known: " + keks.ids() + "): add it to PERSONAL_DATA_OLD_KEKS");
        }
        return new Rewrapped(fromClear, fromOldKek);
    }

    private byte[] plain(String subject, Document stored) {
        if (stored.get("wrappedKey") == null) {
            return bytes(stored.get("key")); // stored in clear by an earlier version, until re-wrapped
        }
        return keks.unwrap(subject, new KeyEncryptionKeys.Wrapped(stored.getString("kek"), bytes(stored.get("iv")),
                bytes(stored.get("wrappedKey"))));
    }

    private static byte[] bytes(Object value) {
        return value instanceof Binary binary ? binary.getData() : (byte[]) value;
    }
}
