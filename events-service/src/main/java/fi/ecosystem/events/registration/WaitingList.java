package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.event.SeatCounter;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.messaging.OutboxEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
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

    /**
     * Checks a participant in to a session, or corrects that (attended false). With no session attended the
     * registration is a no-show; with any, attended. Only people with a place are checked in.
     */
    Registration attendance(Registration registration, String sessionId, boolean attended, Set<String> cities) {
        for (int attempt = 1; ; attempt++) {
            Registration current = mongo.findById(registration.id(), Registration.class);
            if (current.status() != RegistrationStatus.CONFIRMED && current.status() != RegistrationStatus.ATTENDED
                    && current.status() != RegistrationStatus.NO_SHOW) {
                throw new DomainRuleViolation("no-place",
                        "Only people with a place are checked in; this registration is " + current.status());
            }
            Set<String> sessions = new LinkedHashSet<>(current.attendedSessions());
            boolean changed = attended ? sessions.add(sessionId) : sessions.remove(sessionId);
            RegistrationStatus next = sessions.isEmpty() ? RegistrationStatus.NO_SHOW : RegistrationStatus.ATTENDED;
            if (!changed && next == current.status()) {
                return current;
            }
            String eventType = next == current.status() ? RegistrationChanged.SESSION_ATTENDANCE : Registration.eventType(next);
            OutboxEvent event = outbox.event(Topics.REGISTRATIONS, current.id(), eventType, RegistrationChanged.VERSION, cities,
                    current.changed(current.status(), next, sessionId));
            Query unchanged = new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
            Update change = new Update().set("status", next.name()).set("attendedSessions", sessions)
                    .push("pendingEvents", event).inc("version", 1);
            Registration marked = mongo.findAndModify(unchanged, change, FindAndModifyOptions.options().returnNew(true),
                    Registration.class);
            if (marked != null) {
                outbox.saved();
                return marked;
            }
            if (attempt == 5) {
                throw new OptimisticLockingFailureException("The registration changed meanwhile");
            }
        }
    }

    /** The event was called off: everyone with a place or on the waiting list is cancelled (and told); returns how many. */
    int cancelAllOf(String eventId, Set<String> cities) {
        return closeAll(eventId, List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
                RegistrationStatus.CANCELLED, cities);
    }

    /** The event was held: confirmed people never checked in are no-shows; returns how many. */
    int markNoShows(String eventId, Set<String> cities) {
        return closeAll(eventId, List.of(RegistrationStatus.CONFIRMED), RegistrationStatus.NO_SHOW, cities);
    }

    private int closeAll(String eventId, List<RegistrationStatus> from, RegistrationStatus to, Set<String> cities) {
        Query open = new Query(Criteria.where("eventId").is(eventId).and("status").in(from.stream().map(Enum::name).toList()));
        open.fields().include("_id", "status");
        int closed = 0;
        for (Registration registration : mongo.find(open, Registration.class)) {
            if (transition(registration.id(), registration.status(), to, Registration.eventType(to), cities) != null) {
                closed++;
            }
        }
        outbox.saved();
        return closed;
    }

    /** Moves a registration from one status to another in one guarded write, with its event; null if it was not in {@code from}. */
    private Registration transition(String registrationId, RegistrationStatus from, RegistrationStatus to, String eventType,
            Set<String> cities) {
        Registration current = mongo.findById(registrationId, Registration.class);
        if (current == null || current.status() != from) {
            return null;
        }
        OutboxEvent event = outbox.event(Topics.REGISTRATIONS, registrationId, eventType, RegistrationChanged.VERSION, cities,
                current.changed(from, to, null));
        Query stillFrom = new Query(Criteria.where("_id").is(registrationId).and("status").is(from.name()));
        Update change = new Update().set("status", to.name()).push("pendingEvents", event).inc("version", 1);
        Registration moved = mongo.findAndModify(stillFrom, change, FindAndModifyOptions.options().returnNew(true), Registration.class);
        if (moved != null && from == RegistrationStatus.WAITLISTED && to != RegistrationStatus.WAITLISTED) {
            seats.leaveWaitingList(current.eventId());
        }
        return moved;
    }
}
