package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.event.SeatCounter;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.messaging.OutboxEvent;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Cancellations and the waiting list. Every status change is one guarded atomic update of the
 * registration (from the status it had, with its event in the same write), and places move only through
 * the guarded counter, so concurrent cancellations and registrations neither overbook nor lose a place:
 * a freed place goes to the first waitlisted person, in the order they registered.
 */
@Component
class WaitingList {

    private final MongoTemplate mongo;
    private final SeatCounter seats;
    private final Outbox outbox;

    WaitingList(MongoTemplate mongo, SeatCounter seats, Outbox outbox) {
        this.mongo = mongo;
        this.seats = seats;
        this.outbox = outbox;
    }

    /**
     * Cancels a confirmed or waitlisted registration; a freed place is offered to the waiting list at once.
     * Returns the cancelled registration, or the unchanged one if it was not active any more.
     */
    Registration cancel(Registration registration, Set<String> cities) {
        Registration cancelled = transition(registration.id(), registration.status(), RegistrationStatus.CANCELLED,
                RegistrationChanged.CANCELLED, cities);
        if (cancelled == null) {
            return mongo.findById(registration.id(), Registration.class);
        }
        if (registration.status() == RegistrationStatus.CONFIRMED) {
            seats.givePlaceBack(registration.eventId());
            promote(registration.eventId(), cities);
        }
        outbox.saved();
        return cancelled;
    }

    /** Gives free places to the waitlisted, first come first served; returns how many were promoted. */
    int promote(String eventId, Set<String> cities) {
        int promoted = 0;
        while (true) {
            Query first = new Query(Criteria.where("eventId").is(eventId).and("status").is(RegistrationStatus.WAITLISTED.name()))
                    .with(Sort.by("createdAt", "_id")).limit(1);
            Registration next = mongo.findOne(first, Registration.class);
            if (next == null || !seats.takePlace(eventId)) {
                break;
            }
            if (transition(next.id(), RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED,
                    RegistrationChanged.PROMOTED, cities) == null) {
                seats.givePlaceBack(eventId); // they left the list at this very moment: the place goes to the next one
                continue;
            }
            promoted++;
        }
        outbox.saved();
        return promoted;
    }

    /** Marks a participant attended or absent (a correction of an earlier mark too); only people with a place. */
    Registration attendance(Registration registration, boolean attended, Set<String> cities) {
        RegistrationStatus target = attended ? RegistrationStatus.ATTENDED : RegistrationStatus.NO_SHOW;
        if (registration.status() == target) {
            return registration;
        }
        if (registration.status() != RegistrationStatus.CONFIRMED && registration.status() != RegistrationStatus.ATTENDED
                && registration.status() != RegistrationStatus.NO_SHOW) {
            throw new fi.ecosystem.platform.web.DomainRuleViolation("no-place",
                    "Only people with a place are checked in; this registration is " + registration.status());
        }
        Registration marked = transition(registration.id(), registration.status(), target, Registration.eventType(target), cities);
        outbox.saved();
        if (marked == null) {
            throw new org.springframework.dao.OptimisticLockingFailureException("The registration changed meanwhile");
        }
        return marked;
    }

    /** Moves a registration from one status to another in one guarded write, with its event; null if it was not in {@code from}. */
    private Registration transition(String registrationId, RegistrationStatus from, RegistrationStatus to, String eventType,
            Set<String> cities) {
        Registration current = mongo.findById(registrationId, Registration.class);
        if (current == null || current.status() != from) {
            return null;
        }
        OutboxEvent event = outbox.event(Topics.REGISTRATIONS, registrationId, eventType, RegistrationChanged.VERSION, cities,
                current.changed(from, to));
        Query stillFrom = new Query(Criteria.where("_id").is(registrationId).and("status").is(from.name()));
        Update change = new Update().set("status", to.name()).push("pendingEvents", event).inc("version", 1);
        return mongo.findAndModify(stillFrom, change, FindAndModifyOptions.options().returnNew(true), Registration.class);
    }
}
