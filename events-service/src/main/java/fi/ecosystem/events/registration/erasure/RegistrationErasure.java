package fi.ecosystem.events.registration.erasure;

import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A person asked to be forgotten (topic {@code contacts}, {@code contact.erased}): their registrations stay
 * — places and counts must still add up — but without anything that identifies them: names, organisation,
 * the address and their answers to the event's questions are removed.
 */
@Component
public class RegistrationErasure {

    static final String ERASED = "–";

    private final MongoTemplate mongo;
    private final PrivacyAudit audit;
    private final PersonalDataKeys keys;

    RegistrationErasure(MongoTemplate mongo, PrivacyAudit audit, PersonalDataKeys keys) {
        this.mongo = mongo;
        this.audit = audit;
        this.keys = keys;
    }

    /** Forgets the person in every registration of every address they had, then shreds their keys. */
    public void erase(ContactErased person, String eventId) {
        int count = 0;
        for (String emailHash : person.allEmailHashes()) {
            count += anonymise(emailHash);
        }
        // again after anonymising: a registration event sealed meanwhile with a new key is unreadable too
        keys.shred(PersonalData.keysOf(person.contactId(), person.allEmailHashes()));
        audit.erased(person.contactId(), eventId, java.util.Map.of("registrations", (long) count));
    }

    /** Anonymises every registration of the address with this keyed hash; returns how many. Repeating it changes nothing more. */
    int anonymise(String emailHash) {
        int count = 0;
        Query query = new Query(Criteria.where("emailHash").is(emailHash));
        query.fields().include("_id");
        for (Document registration : mongo.find(query, Document.class, "registrations")) {
            Object id = registration.get("_id");
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update()
                    .set("firstName", ERASED).set("lastName", ERASED).unset("organisationName").unset("businessId")
                    .set("email", "erased-" + id + "@invalid").unset("emailHash").unset("answers").inc("version", 1),
                    "registrations");
            count++;
        }
        // a certificate names the person (the PDF is rendered from the registration): it goes, its code no longer confirms
        mongo.remove(new Query(Criteria.where("emailHash").is(emailHash)), "certificates");
        return count;
    }
}
