package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.MergedAddresses;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Erasure of a person, started here because contacts-service owns people:
 * <ol>
 * <li>their keys are deleted at once — every event Kafka retains about them is unreadable from now on,
 * and a consumer still behind cannot bring them back;</li>
 * <li>the contact is anonymised as the retention rule does it (what statistics need stays: participations,
 * roles, consents without the person's details) and {@code contact.erased}, naming every address the person
 * had, is stored with it in the same write (the outbox): every other service anonymises what it holds when
 * the event reaches it.</li>
 * </ol>
 */
@Service
public class PersonErasure {

    static final String CONTACTS = "contacts";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final ContactService contacts;
    private final PersonalDataKeys keys;
    private final PrivacyAudit audit;
    private final ProjectAccessDirectory projects;
    private final EmailHash emailHash;
    private final MergedAddresses addresses;

    PersonErasure(MongoTemplate mongo, ContactService contacts, PersonalDataKeys keys, PrivacyAudit audit,
            ProjectAccessDirectory projects, EmailHash emailHash, MergedAddresses addresses) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.keys = keys;
        this.audit = audit;
        this.projects = projects;
        this.emailHash = emailHash;
        this.addresses = addresses;
    }

    /** Erases the (visible, checked by the caller) contact; asking again for an erased one changes nothing. */
    public PrivacyAudit.Entry erase(CityUser user, String contactId) {
        for (int attempt = 1; ; attempt++) {
            Contact contact = mongo.findById(contactId, Contact.class);
            if (contact == null || contact.anonymisedAt() != null) {
                return audit.erasureOf(contactId).orElseGet(() -> audit.erasureRequested(user, contactId));
            }
            List<String> held = new ArrayList<>(contact.otherEmails());
            held.add(contact.email());
            // every id their keys may have, also the plain SHA-256 of keys made before keyed hashes
            keys.shred(PersonalData.everyKeyOf(contactId, held, emailHash));
            addresses.forget(held);
            Set<String> cities = new TreeSet<>();
            contact.projectIds().forEach(projectId -> cities.addAll(projects.citiesOf(projectId)));
            contact.erase(Instant.now(), emailHash, cities);
            try {
                contacts.storeErased(contact); // guarded by its version: a change at the same moment makes us start again
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile;
                }
                continue;
            }
            PrivacyAudit.Entry requested = audit.erasureRequested(user, contactId);
            audit.erased(contactId, "request:" + requested.id(), Map.of(CONTACTS, 1L));
            return requested;
        }
    }
}
