package fi.ecosystem.contacts.contact;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** People: shared with the cities of the projects they are linked to. */
@Service
public class ContactService {

    static final String AREA = "contacts";
    private static final int ATTEMPTS = 5;

    private final ContactRepository contacts;
    private final ProjectAccessDirectory projects;
    private final Outbox outbox;

    ContactService(ContactRepository contacts, ProjectAccessDirectory projects, Outbox outbox) {
        this.contacts = contacts;
        this.projects = projects;
        this.outbox = outbox;
    }

    public Page<Contact> list(CityUser user, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        return contacts.findByProjectIdsIn(projects.projectsOf(user.cities()), pageable);
    }

    public Contact get(CityUser user, String id) {
        Contact contact = contacts.findById(id).orElse(null);
        AccessRule.requireVisible(user, AREA, contact == null ? Set.of() : citiesOf(contact), "Contact " + id);
        return contact;
    }

    private Set<String> citiesOf(Contact contact) {
        Set<String> cities = new HashSet<>();
        contact.projectIds().forEach(projectId -> cities.addAll(projects.citiesOf(projectId)));
        return cities;
    }

    /**
     * A registration names a person: the contact with that e-mail is found, or created, and the
     * registration goes into their participation history. Retried on concurrent changes of the same person.
     */
    public Contact registrationChanged(RegistrationChanged registration, Instant at) {
        String email = Contact.normalise(registration.participant() == null ? null : registration.participant().email());
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("Registration " + registration.registrationId() + " names no e-mail");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Contact contact = contacts.findByEmail(email).orElse(null);
                boolean created = contact == null;
                if (created) {
                    contact = Contact.fromRegistration(UUID.randomUUID().toString(), registration.participant());
                }
                boolean linksChanged = contact.participated(registration, at);
                if (created || linksChanged) {
                    ContactChanged changed = contact.changed();
                    contact.record(outbox.event(Topics.CONTACTS, contact.id(), ContactChanged.TYPE,
                            ContactChanged.VERSION, projects.citiesOf(registration.projectId()), changed));
                }
                Contact saved = contacts.save(contact);
                outbox.saved();
                return saved;
            } catch (DuplicateKeyException | OptimisticLockingFailureException concurrentChange) {
                if (attempt == ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }
}
