package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * GDPR art. 19: when one city's admin exports everything about a person for them or erases them, the admins of
 * every other city that could see the person are told. One document per notice and city, in its own collection
 * (nothing grows inside a person); it names no personal data, only the contact id and who acted. Read by the
 * city's admins at {@code GET /api/contacts/notices}, marked read at {@code POST /api/contacts/notices/{id}/read}.
 */
@Component
public class PrivacyNotices {

    public static final String ERASED = "erased";
    public static final String EXPORTED = "exported";

    private final MongoTemplate mongo;
    private final PrivacyAudit audit;

    PrivacyNotices(MongoTemplate mongo, PrivacyAudit audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /**
     * @param city       whose admins are told
     * @param byCities   the cities of the admin who acted
     * @param readAt     when an admin of {@code city} marked it read (null while unread); one reading counts for the city
     * @param readBy     that admin's name
     */
    @Document("privacy_notices")
    @CompoundIndex(name = "by_city", def = "{'city': 1, 'at': -1}")
    public record Notice(@Id String id, String city, Instant at, String action, String contactId, String byName,
            Set<String> byCities, Instant readAt, String readBy) {
    }

    /** One notice to each city of {@code cities} that is not the actor's own; returns the cities told. */
    public Set<String> tell(Collection<String> cities, CityUser actor, String action, String contactId) {
        Set<String> told = new TreeSet<>(cities);
        told.removeAll(actor.cities());
        Instant now = Instant.now();
        List<Notice> notices = told.stream()
                .map(city -> new Notice(null, city, now, action, contactId, actor.displayName(), actor.cities(), null, null))
                .toList();
        if (!notices.isEmpty()) {
            mongo.insertAll(notices);
        }
        return told;
    }

    /**
     * Marks a notice to one of the reader's cities read, once: marking again keeps the first reader and time (and is not
     * audited again). A notice to another city is not found (404), as if it did not exist.
     */
    public Notice markRead(CityUser reader, String id) {
        Query unread = new Query(Criteria.where("_id").is(id).and("city").in(reader.cities()).and("readAt").is(null));
        Notice read = mongo.findAndModify(unread, new Update().set("readAt", Instant.now()).set("readBy", reader.displayName()),
                FindAndModifyOptions.options().returnNew(true), Notice.class);
        if (read != null) {
            audit.noticeRead(reader, read.contactId());
            return read;
        }
        Notice earlier = mongo.findOne(new Query(Criteria.where("_id").is(id).and("city").in(reader.cities())), Notice.class);
        if (earlier == null) {
            throw new NotFoundException("Notice " + id);
        }
        return earlier;
    }

    /** The notices to the caller's cities, newest first. */
    public Page<Notice> of(Collection<String> cities, Pageable pageable) {
        Query query = new Query(Criteria.where("city").in(cities));
        long total = mongo.count(query, Notice.class);
        return new PageImpl<>(mongo.find(query.with(pageable).with(Sort.by(Sort.Direction.DESC, "at", "_id")), Notice.class),
                pageable, total);
    }
}
