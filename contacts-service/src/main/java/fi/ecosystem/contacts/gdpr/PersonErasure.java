package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.messaging.OutboxEvent;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.CityUser;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Erasure of a person, started here because contacts-service owns people:
 * <ol>
 * <li>their keys are deleted at once — every event Kafka retains about them is unreadable from now on,
 * and a consumer still behind cannot bring them back;</li>
 * <li>the contact keeps only what says nothing about who they were (its id, project links and
 * participation history, so counts stay), and {@code contact.erased} is stored with it in the same write
 * (the outbox): every other service anonymises what it holds when the event reaches it.</li>
 * </ol>
 * What is kept is a whitelist: fields added to a contact later are erased too, without a change here.
 */
@Service
public class PersonErasure {

    static final String ERASED = "–";
    static final String CONTACTS = "contacts";
    /** Fields of a contact that do not identify the person. */
    static final Set<String> KEPT = Set.of("_id", "_class", "projectIds", "participations", "createdAt", "language",
            "pendingEvents", "version", "erasedAt");
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final PersonalDataKeys keys;
    private final PrivacyAudit audit;
    private final ProjectAccessDirectory projects;

    PersonErasure(MongoTemplate mongo, Outbox outbox, PersonalDataKeys keys, PrivacyAudit audit,
            ProjectAccessDirectory projects) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.keys = keys;
        this.audit = audit;
        this.projects = projects;
    }

    /** Erases the (visible, checked by the caller) contact; asking again for an erased one changes nothing. */
    public PrivacyAudit.Entry erase(CityUser user, Contact contact) {
        Document stored = mongo.findById(contact.id(), Document.class, CONTACTS);
        if (stored == null || stored.get("erasedAt") != null) {
            return audit.erasureOf(contact.id()).orElseGet(() -> audit.erasureRequested(user, contact.id()));
        }
        String emailSha256 = contact.email() == null ? null : ContactErased.hashOf(contact.email());
        keys.shred(PersonalData.keysOf(contact.id(), emailSha256));
        PrivacyAudit.Entry requested = audit.erasureRequested(user, contact.id());
        for (int attempt = 1; ; attempt++) {
            if (anonymise(stored, emailSha256)) {
                break;
            }
            if (attempt == ATTEMPTS) {
                throw new OptimisticLockingFailureException("Contact " + contact.id() + " kept changing");
            }
            stored = mongo.findById(contact.id(), Document.class, CONTACTS);
        }
        outbox.saved();
        audit.erased(contact.id(), "request:" + requested.id(), Map.of(CONTACTS, 1L));
        return requested;
    }

    /** One guarded write: the anonymous contact with its {@code contact.erased}; false if it changed meanwhile. */
    private boolean anonymise(Document stored, String emailSha256) {
        String id = String.valueOf(stored.get("_id"));
        Document anonymous = new Document();
        stored.forEach((field, value) -> {
            if (KEPT.contains(field)) {
                anonymous.put(field, value);
            }
        });
        anonymous.put("firstName", ERASED);
        anonymous.put("lastName", ERASED);
        // unique and not null, so that the unique index and the readers of a contact stay happy
        anonymous.put("email", "erased-" + id + "@invalid");
        anonymous.put("erasedAt", new Date());
        anonymous.put("updatedAt", new Date());
        Object version = stored.get("version");
        anonymous.put("version", version instanceof Number number ? number.longValue() + 1 : 1L);
        OutboxEvent erased = outbox.event(Topics.CONTACTS, id, ContactErased.TYPE, ContactErased.VERSION,
                citiesOf(stored), new ContactErased(id, emailSha256));
        List<Object> pending = new java.util.ArrayList<>(stored.getList("pendingEvents", Object.class, List.of()));
        pending.add(mongo.getConverter().convertToMongoType(erased));
        anonymous.put("pendingEvents", pending);
        Query unchanged = new Query(Criteria.where("_id").is(stored.get("_id")));
        unchanged.addCriteria(version == null ? Criteria.where("version").exists(false) : Criteria.where("version").is(version));
        return mongo.getCollection(CONTACTS).replaceOne(unchanged.getQueryObject(), anonymous).getModifiedCount() == 1;
    }

    private Set<String> citiesOf(Document stored) {
        Set<String> cities = new TreeSet<>();
        for (Object projectId : stored.getList("projectIds", Object.class, List.of())) {
            cities.addAll(projects.citiesOf(String.valueOf(projectId)));
        }
        return cities;
    }
}
