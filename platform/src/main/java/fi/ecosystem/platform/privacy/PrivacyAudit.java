package fi.ecosystem.platform.privacy;

import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Who exported or erased whom, and when — never the person's data itself: the person is named by their
 * contact id only, which after an erasure leads to an anonymous record. Every service keeps its own
 * ({@code privacy_audit}): what it gave out, what it erased.
 */
public class PrivacyAudit {

    public static final String EXPORTED = "exported";
    public static final String ERASURE_REQUESTED = "erasure-requested";
    public static final String ERASED = "erased";
    /** An admin of another city read the notice (GDPR art. 19) of an export or erasure of the person. */
    public static final String NOTICE_READ = "notice-read";

    private final MongoTemplate mongo;
    private final String service;

    public PrivacyAudit(MongoTemplate mongo, String service) {
        this.mongo = mongo;
        this.service = service;
    }

    /**
     * @param actor  subject of the caller's token, or the event id when the service acted on a message
     * @param items  how many things of each kind were exported or anonymised
     */
    @Document("privacy_audit")
    @CompoundIndex(name = "by_contact", def = "{'contactId': 1, 'action': 1}")
    public record Entry(@Id String id, Instant at, String service, String action, String contactId, String actor,
            String actorName, Set<String> actorCities, Map<String, Long> items) {
    }

    public Entry exported(CityUser actor, String contactId, Map<String, Long> items) {
        return mongo.insert(new Entry(null, Instant.now(), service, EXPORTED, contactId, actor.subject(),
                actor.displayName(), actor.cities(), items));
    }

    public Entry erasureRequested(CityUser actor, String contactId) {
        return mongo.insert(new Entry(null, Instant.now(), service, ERASURE_REQUESTED, contactId, actor.subject(),
                actor.displayName(), actor.cities(), Map.of()));
    }

    public Entry noticeRead(CityUser reader, String contactId) {
        return mongo.insert(new Entry(null, Instant.now(), service, NOTICE_READ, contactId, reader.subject(),
                reader.displayName(), reader.cities(), Map.of()));
    }

    /** This service has anonymised what it held of the person (on {@code contact.erased} {@code eventId}). */
    public Entry erased(String contactId, String eventId, Map<String, Long> items) {
        return mongo.insert(new Entry(null, Instant.now(), service, ERASED, contactId, "event:" + eventId, null, Set.of(),
                items));
    }

    /** When this service finished erasing the person (the first time, if the event came again). */
    public Optional<Entry> erasureOf(String contactId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("contactId").is(contactId).and("action").is(ERASED))
                .with(Sort.by("at")).limit(1), Entry.class));
    }

    public List<Entry> of(String contactId) {
        return mongo.find(new Query(Criteria.where("contactId").is(contactId)).with(Sort.by("at")), Entry.class);
    }
}
