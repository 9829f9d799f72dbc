package fi.ecosystem.contacts.contact;

import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who did what to a person and when: entry, edits, merges, consents, roles and retention. Read-only, for
 * staff and admins of a city that sees the person. Holds no personal data beyond ids and the actor.
 */
@Component
public class ContactAudit {

    /** The actor of changes nobody made by hand. */
    public static final String SYSTEM = "system";

    private final MongoTemplate mongo;

    ContactAudit(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param action  created, edited, merged, merged-into, consent-given, consent-withdrawn, role-set,
     *                role-removed, anonymised
     * @param details ids and values that say what changed (never names or addresses)
     */
    @Document("contact_audit")
    @CompoundIndex(name = "by_contact", def = "{'contactId': 1, 'at': -1}")
    /** @param actorCities the cities the actor acted for: whose staff may read the line */
    public record Entry(@Id String id, String contactId, Instant at, String actor, String actorName, String action,
            Map<String, Object> details, Set<String> actorCities) {
    }

    void record(String contactId, CityUser actor, String action, Map<String, Object> details) {
        mongo.insert(new Entry(null, contactId, Instant.now(), actor.subject(), actor.displayName(), action, details,
                actor.cities()));
    }

    void recordSystem(String contactId, String source, String action, Map<String, Object> details) {
        mongo.insert(new Entry(null, contactId, Instant.now(), SYSTEM, source, action, details, null));
    }

    /** The "created" lines of people made from registrations (contact id, registration id), in one write. */
    void recordCreated(List<Map.Entry<String, String>> made) {
        if (made.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        mongo.insertAll(made.stream().map(person -> new Entry(null, person.getKey(), now, SYSTEM, "registrations", "created",
                Map.<String, Object>of("registrationId", person.getValue()), null)).toList());
    }

    /** Written once per key, however often a retried or concurrent run reaches it. */
    void recordOnce(String key, String contactId, String source, String action, Map<String, Object> details, Instant at) {
        try {
            mongo.insert(new Entry(key, contactId, at, SYSTEM, source, action, details, null));
        } catch (DuplicateKeyException recordedAlready) {
            // another run recorded it first
        }
    }

    /** The lines of this person the caller may read, newest first (a person's trail is read whole, then paged). */
    Page<Entry> of(String contactId, Pageable pageable, Predicate<Entry> readable) {
        Query query = new Query(Criteria.where("contactId").is(contactId)).with(Sort.by(Sort.Direction.DESC, "at", "_id"));
        List<Entry> lines = mongo.find(query, Entry.class).stream().filter(readable).toList();
        int from = (int) Math.min(pageable.getOffset(), lines.size());
        return new PageImpl<>(lines.subList(from, Math.min(lines.size(), from + pageable.getPageSize())), pageable, lines.size());
    }

    /**
     * A line is the caller's to read if staff of the caller's cities wrote it, or the system wrote it for a project
     * or registration the caller sees; anything else would tell of another city's work with the person.
     */
    boolean visible(Entry entry, CityUser user, Visibility visibility, Set<String> registrations) {
        if (entry.actorCities() != null && user.sharesCityWith(entry.actorCities())) {
            return true;
        }
        Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
        if (details.get("projectId") instanceof String project && visibility.sees(project)) {
            return true;
        }
        if (details.get("registrationId") instanceof String registration && registrations.contains(registration)) {
            return true;
        }
        return entry.actorCities() == null && details.get("projectIds") instanceof Collection<?> projects
                && projects.stream().anyMatch(project -> visibility.sees(String.valueOf(project)));
    }
}
