package fi.ecosystem.contacts.messaging;

import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.BatchSubscription;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.PoisonMessageException;
import fi.ecosystem.platform.messaging.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What contacts-service takes from the other services' topics. (The project read model for the access
 * rule has its own subscription in the platform.)
 */
@Configuration(proxyBeanMethods = false)
class ContactsSubscriptions {

    /**
     * People and their participation history from registrations. An erased person's registration no longer
     * opens: it must not bring them back. The events of a poll come together (the inbox checks and marks them
     * in bulk) and are applied in their order, so a person's registrations keep theirs; their history lines are
     * written together, in one bulk write.
     */
    @Bean
    BatchSubscription participationHistorySubscription(Inbox inbox, ContactService contacts) {
        return inbox.subscribe(Topics.REGISTRATIONS)
                .when(event -> event.type().startsWith("registration.") && !event.personalDataErased())
                .batch("participation-history", changes -> {
                    List<RegistrationChanged> registrations = new ArrayList<>();
                    List<Instant> times = new ArrayList<>();
                    for (InboundEvent changed : changes) {
                        RegistrationChanged registration = changed.payload(RegistrationChanged.class);
                        if (registration.participant() == null || registration.participant().email() == null) {
                            // no retry can help: parked on the dead-letter topic at once (alone: the batch is split
                            // before anything of it is written)
                            throw new PoisonMessageException("Registration " + registration.registrationId()
                                    + " names no participant", null);
                        }
                        registrations.add(registration);
                        times.add(changed.occurredAt());
                    }
                    contacts.registrationsChanged(registrations, times);
                });
    }

    /** The project's contact persons and their roles. */
    @Bean
    Subscription projectRolesSubscription(Inbox inbox, ContactService contacts) {
        return inbox.subscribe(Topics.PROJECTS).group("project-roles").types(ProjectChanged.TYPE)
                .when(event -> event.payload(ProjectChanged.class).contacts() != null)
                .once("project-roles", changed -> contacts.projectContactsChanged(changed.payload(ProjectChanged.class),
                        changed.occurredAt()));
    }
}
