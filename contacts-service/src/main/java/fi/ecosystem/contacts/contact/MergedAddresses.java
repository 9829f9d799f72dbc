package fi.ecosystem.contacts.contact;

import fi.ecosystem.contracts.EmailHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The addresses of people merged into another ({@code contact_addresses}): a pointer from the keyed hash of
 * an address ({@link EmailHash}; the address itself is not stored here) to the person who holds it now, so
 * a lookup never scans. A pointer counts only while that person still holds the address; an erasure removes
 * the person's pointers. Pointers written before keyed hashes (id: the plain SHA-256, no {@code hash} field)
 * are re-keyed at start.
 */
@Component
public class MergedAddresses implements ApplicationRunner {

    static final String COLLECTION = "contact_addresses";
    static final String KEYED = "HMAC-SHA256";
    private static final Logger log = LoggerFactory.getLogger(MergedAddresses.class);

    private final MongoTemplate mongo;
    private final EmailHash emailHash;

    MergedAddresses(MongoTemplate mongo, EmailHash emailHash) {
        this.mongo = mongo;
        this.emailHash = emailHash;
    }

    /** The id of the person this address points to, if any. */
    Optional<String> holderOf(String email) {
        Document pointer = mongo.findById(emailHash.of(email), Document.class, COLLECTION);
        return Optional.ofNullable(pointer).map(found -> found.getString("contactId"));
    }

    /** The ids of the people these addresses point to, by address: those without a pointer are left out. One read. */
    Map<String, String> holdersOf(Collection<String> emails) {
        Map<String, String> byHash = new HashMap<>();
        emails.forEach(email -> byHash.put(emailHash.of(email), email));
        Map<String, String> holders = new HashMap<>();
        if (byHash.isEmpty()) {
            return holders;
        }
        for (Document pointer : mongo.find(new Query(Criteria.where("_id").in(byHash.keySet())), Document.class, COLLECTION)) {
            String email = byHash.get(pointer.getString("_id"));
            if (email != null && pointer.getString("contactId") != null) {
                holders.put(email, pointer.getString("contactId"));
            }
        }
        return holders;
    }

    void point(String email, String contactId) {
        mongo.upsert(new Query(Criteria.where("_id").is(emailHash.of(email))),
                new Update().set("contactId", contactId).set("hash", KEYED), COLLECTION);
    }

    /** Removes the pointers of these addresses, keyed or from before; returns how many there were. */
    public long forget(Collection<String> emails) {
        List<String> ids = new ArrayList<>();
        emails.stream().filter(email -> email != null && !email.isBlank()).forEach(email -> {
            ids.add(emailHash.of(email));
            ids.add(EmailHash.legacySha256(email));
        });
        return ids.isEmpty() ? 0 : mongo.remove(new Query(Criteria.where("_id").in(ids)), COLLECTION).getDeletedCount();
    }

    @Override
    public void run(ApplicationArguments args) {
        rekey();
    }

    /** Re-keys the pointers from before keyed hashes by the addresses their person holds; drops the rest. */
    long rekey() {
        long rekeyed = 0;
        for (Document legacy : mongo.find(new Query(Criteria.where("hash").exists(false)), Document.class, COLLECTION)) {
            String contactId = legacy.getString("contactId");
            Document holder = contactId == null ? null : mongo.findById(contactId, Document.class, "contacts");
            List<String> held = holder == null ? List.of() : holder.getList("otherEmails", String.class, List.of());
            for (String email : held) {
                if (EmailHash.legacySha256(email).equals(legacy.get("_id"))) {
                    point(email, contactId);
                    rekeyed++;
                }
            }
            mongo.remove(new Query(Criteria.where("_id").is(legacy.get("_id")).and("hash").exists(false)), COLLECTION);
        }
        if (rekeyed > 0) {
            log.info("{} merged addresses re-keyed from their SHA-256 to their keyed hash", rekeyed);
        }
        return rekeyed;
    }
}
