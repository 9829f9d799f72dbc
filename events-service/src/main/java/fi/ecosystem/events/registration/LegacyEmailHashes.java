package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.EmailHash;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At start: registrations stored with the plain SHA-256 of the address ({@code emailSha256}, before keyed
 * hashes) get its keyed hash ({@code emailHash}) instead, so {@code contact.erased} and the GDPR export find
 * them; then the old field's index goes. Each update is conditional on the old field, so replicas starting
 * together or a second start do nothing twice. A change of storage, not of the registration: no event is recorded.
 */
@Component
class LegacyEmailHashes implements ApplicationRunner {

    static final String LEGACY = "emailSha256";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(LegacyEmailHashes.class);

    private final MongoTemplate mongo;
    private final EmailHash emailHash;

    LegacyEmailHashes(MongoTemplate mongo, EmailHash emailHash) {
        this.mongo = mongo;
        this.emailHash = emailHash;
    }

    @Override
    public void run(ApplicationArguments args) {
        migrate();
    }

    long migrate() {
        Query legacy = new Query(Criteria.where(LEGACY).exists(true));
        legacy.fields().include("_id").include("email");
        long migrated = 0;
        BulkOperations batch = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Registration.class);
        int inBatch = 0;
        try (Stream<Document> found = mongo.stream(legacy, Document.class, mongo.getCollectionName(Registration.class))) {
            for (Document registration : (Iterable<Document>) found::iterator) {
                String email = registration.getString("email");
                Update update = new Update().unset(LEGACY);
                if (email != null && !email.isBlank()) {
                    update.set("emailHash", emailHash.of(email));
                }
                batch.updateOne(new Query(Criteria.where("_id").is(registration.get("_id")).and(LEGACY).exists(true)), update);
                migrated++;
                if (++inBatch == BATCH) {
                    batch.execute();
                    batch = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Registration.class);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) {
            batch.execute();
        }
        if (migrated > 0) {
            log.info("{} registrations now carry the keyed hash of their address instead of its SHA-256", migrated);
        }
        RetiredIndexes.dropIfPresent(mongo.indexOps(Registration.class), LEGACY);
        return migrated;
    }
}
