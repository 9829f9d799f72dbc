package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.SeatCounter;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Registering participants: confirmed while places last, then the waiting list in order. */
@Service
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final EventService events;
    private final SeatCounter seats;
    private final Outbox outbox;

    RegistrationService(RegistrationRepository registrations, EventService events, SeatCounter seats, Outbox outbox) {
        this.registrations = registrations;
        this.events = events;
        this.seats = seats;
        this.outbox = outbox;
    }

    /** The outcome and whether it is new (a repeat for the same e-mail returns the existing registration). */
    public record Outcome(Registration registration, boolean created) {
    }

    public Outcome registerByOrganiser(CityUser user, String eventId, RegistrationChanged.Participant participant) {
        Event event = events.get(user, eventId);
        Set<String> cities = events.citiesOf(event);
        AccessRule.requireWritable(user, EventService.AREA, CityUser.EVENT_ORGANISER, cities, "Event " + eventId);
        if (!event.acceptsRegistrations()) {
            throw new DomainRuleViolation("registration-closed", "The event is " + event.status() + "; it takes no registrations");
        }
        var existing = registrations.findByEventIdAndEmail(eventId, Registration.normalise(participant.email()));
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        boolean placeTaken = seats.takePlace(eventId);
        Registration registration = Registration.of(UUID.randomUUID().toString(), eventId, event.projectId(), participant,
                placeTaken ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, user.subject());
        registration.record(outbox.event(Topics.REGISTRATIONS, registration.id(), registration.eventType(),
                RegistrationChanged.VERSION, cities, registration.changed(null)));
        try {
            Registration saved = registrations.insert(registration);
            outbox.saved();
            return new Outcome(saved, true);
        } catch (DuplicateKeyException sameEmailAtTheSameMoment) {
            if (placeTaken) {
                seats.givePlaceBack(eventId);
            }
            return new Outcome(registrations.findByEventIdAndEmail(eventId, registration.email()).orElseThrow(), false);
        }
    }

    public Page<Registration> list(CityUser user, String eventId, Pageable pageable) {
        events.get(user, eventId);
        return registrations.findByEventId(eventId, pageable);
    }
}
