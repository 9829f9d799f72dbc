package fi.ecosystem.projects.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.BatchSubscription;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.Subscription;
import fi.ecosystem.projects.gdpr.ProjectContactErasure;
import fi.ecosystem.projects.project.ProjectCounts;
import fi.ecosystem.projects.reporting.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What projects-service takes from the other services' topics. */
@Configuration(proxyBeanMethods = false)
class ProjectsSubscriptions {

    /** An event counts as held once it is published (open to the public) or completed. */
    static final Set<String> HELD = Set.of("PUBLISHED", "COMPLETED");

    /** Participants reached: each confirmed (promoted, or offered a place and taking it) registration of a project's event. */
    @Bean
    BatchSubscription participantsReachedSubscription(Inbox inbox, ProjectCounts counts) {
        return inbox.subscribe(Topics.REGISTRATIONS).types(RegistrationChanged.CONFIRMED, RegistrationChanged.PROMOTED,
                        RegistrationChanged.OFFER_ACCEPTED)
                .batch("participants-reached", confirmed -> {
                    List<ProjectCounts.Participant> participants = new ArrayList<>();
                    for (InboundEvent event : confirmed) {
                        // ids only: the participant stays sealed, no key is read
                        RegistrationChanged registration = event.clearPayload(RegistrationChanged.class);
                        if (registration.projectId() != null && registration.registrationId() != null) {
                            participants.add(new ProjectCounts.Participant(registration.projectId(), registration.eventId(),
                                    registration.registrationId()));
                        }
                    }
                    counts.participantsConfirmed(participants);
                });
    }

    /** The "events held" indicator. */
    @Bean
    BatchSubscription eventsHeldSubscription(Inbox inbox, ProjectCounts counts) {
        return inbox.subscribe(Topics.EVENTS).types(EventChanged.TYPE)
                .batch("events-held", changes -> {
                    List<ProjectCounts.HeldEvent> held = new ArrayList<>();
                    for (InboundEvent changed : changes) {
                        EventChanged event = changed.payload(EventChanged.class);
                        if (event.projectId() != null && event.eventId() != null && HELD.contains(event.status())) {
                            held.add(new ProjectCounts.HeldEvent(event.projectId(), event.eventId()));
                        }
                    }
                    counts.eventsHeld(held);
                });
    }

    /** Evidence for reporting: each event of a project, as it last was. */
    @Bean
    Subscription eventEvidenceSubscription(Inbox inbox, Evidence evidence) {
        return inbox.subscribe(Topics.EVENTS).group("evidence").types(EventChanged.TYPE)
                .once("event-evidence", changed -> evidence.eventChanged(changed.payload(EventChanged.class),
                        java.time.Instant.now()));
    }

    /** Evidence for reporting: check-ins, their corrections and no-shows. */
    @Bean
    Subscription attendanceEvidenceSubscription(Inbox inbox, Evidence evidence) {
        return inbox.subscribe(Topics.REGISTRATIONS).group("evidence")
                .types(RegistrationChanged.ATTENDED, RegistrationChanged.SESSION_ATTENDANCE, RegistrationChanged.NO_SHOW)
                .once("attendance-evidence", attended -> evidence.attendanceChanged(attended.type(), attended.id(),
                        attended.payload(RegistrationChanged.class), java.time.Instant.now()));
    }

    /** Erased people leave the projects. */
    @Bean
    Subscription projectContactErasureSubscription(Inbox inbox, ProjectContactErasure erasure) {
        return inbox.subscribe(Topics.CONTACTS).group("erasure").types(ContactErased.TYPE)
                .once("erasure", erased -> erasure.erase(erased.payload(ContactErased.class), erased.id()));
    }
}
