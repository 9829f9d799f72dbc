package fi.ecosystem.platform.privacy;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One AES-256 key per data subject, in a database of its own that every service shares
 * ({@code personal-data-keys}, collection {@code data_subject_keys}), looked up by key id (the SHA-256 of
 * the person's e-mail, or {@code contact:<id>}). Only keys are here, never the data they protect.
 * Deleting a person's keys makes everything sealed with them unreadable for good — also the copies
 * Kafka retains, which nobody can delete one by one.
 */
public class PersonalDataKeys {

    static final String COLLECTION = "data_subject_keys";

    private final MongoTemplate store;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataKeys(MongoTemplate store) {
        this.store = store;
    }

    /** The subject's key, created on first use (concurrent creators agree on the one stored first). */
    public SecretKey keyFor(String subject) {
        Optional<SecretKey> existing = existing(subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            store.insert(new Document("_id", subject).append("key", new Binary(key)).append("createdAt", new Date()),
                    COLLECTION);
            return new SecretKeySpec(key, "AES");
        } catch (DuplicateKeyException createdConcurrently) {
            return existing(subject).orElseThrow(() -> new IllegalStateException("Key " + subject + " vanished"));
        }
    }

    public Optional<SecretKey> existing(String subject) {
        Document found = store.findById(subject, Document.class, COLLECTION);
        if (found == null) {
            return Optional.empty();
        }
        Object key = found.get("key");
        byte[] bytes = key instanceof Binary binary ? binary.getData() : (byte[]) key;
        return Optional.of(new SecretKeySpec(bytes, "AES"));
    }

    /** Deletes the subjects' keys; returns how many there were. Deleting again changes nothing. */
    public long shred(Collection<String> subjects) {
        return store.remove(new Query(Criteria.where("_id").in(subjects)), COLLECTION).getDeletedCount();
    }
}
