package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.SeatCounter;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Cancellations and the waiting list. Every status change is one guarded atomic update of the
 * registration (from the status it had, with its event in the same write, see {@link RegistrationStore}), and
 * places move only through the guarded counter, so concurrent cancellations and registrations neither overbook
 * nor lose a place: a freed place goes to the first waitlisted person, in the order they joined the list — at once, or
 * as an offer with a deadline when the event says so. An open offer holds its place in the counter, so the
 * confirmed and the offered together never exceed the capacity; a declined or expired offer gives the place back
 * and it is offered to the next.
 */
@Component
class WaitingList {

    /** Events repaired per round at most; the rest the next round. */
    private static final int REPAIR_BATCH = 200;

    private final RegistrationStore store;
    private final SeatCounter seats;
    private final EventService events;

    WaitingList(RegistrationStore store, SeatCounter seats, EventService events) {
        this.store = store;
        this.seats = seats;
        this.events = events;
    }

    /**
     * Cancels a confirmed, offered or waitlisted registration; a freed place goes to the waiting list at once.
     * Returns the cancelled registration, or the unchanged one if it was not active any more.
     */
    Registration cancel(Registration registration, Set<String> cities) {
        RegistrationStatus was = registration.status();
        if (was != RegistrationStatus.CONFIRMED && was != RegistrationStatus.WAITLISTED && was != RegistrationStatus.OFFERED) {
            return store.find(registration.id());
        }
        Registration cancelled = move(registration.id(), was, RegistrationStatus.CANCELLED, cities);
        if (cancelled == null) {
            return store.find(registration.id());
        }
        if (was.takesAPlace()) {
            placeFreed(registration.eventId(), cities);
        }
        return cancelled;
    }

    /**
     * The person takes (or declines) the place offered to them, while the offer is open; a declined place goes
     * on to the next waiting. An expired or already answered offer is refused (409 offer-not-open).
     */
    Registration answerOffer(Registration registration, boolean accepted, Set<String> cities) {
        Instant now = Instant.now();
        RegistrationStatus to = accepted ? RegistrationStatus.CONFIRMED : RegistrationStatus.CANCELLED;
        Registration answered = registration.offerOpenAt(now) ? store.answerOffer(registration, to, now, cities) : null;
        if (answered == null) {
            throw new DomainRuleViolation("offer-not-open", "This offer is not open any more: it expired or was answered");
        }
        if (!accepted) {
            placeFreed(registration.eventId(), cities);
        }
        return answered;
    }

    /**
     * Expires every offer whose deadline passed at {@code now}, each in one guarded write, so that however many
     * replicas run this at once each offer expires once; each freed place goes on to the next waiting. Returns how
     * many this caller expired.
     */
    int expireOffers(Instant now) {
        int expired = 0;
        while (true) {
            Registration due = store.dueOffer(now);
            if (due == null) {
                return expired;
            }
            Event event = events.findIfExists(due.eventId());
            Set<String> cities = event == null ? Set.of() : events.citiesOf(event);
            if (store.expire(due, now, cities) != null) {
                expired++;
                placeFreed(due.eventId(), cities);
            }
        }
    }

    /**
     * Offers (or gives) the places left free while people wait: a process that died between giving a place back and
     * offering it left one so. {@link #promote} takes each place through the guarded counter, so replicas doing this
     * at once give each place once. Returns how many got a place or an offer.
     */
    int offerPlacesLeftFree(Instant now) {
        int promoted = 0;
        for (String eventId : seats.freeWhilePeopleWait(now, REPAIR_BATCH)) {
            Event event = events.findIfExists(eventId);
            if (event != null) {
                promoted += promote(eventId, events.citiesOf(event));
            }
        }
        return promoted;
    }

    private void placeFreed(String eventId, Set<String> cities) {
        seats.givePlaceBack(eventId);
        promote(eventId, cities);
    }

    /**
     * Gives free places to the waitlisted, first come first served: at once, or as offers until a deadline when the
     * event offers places and enough time is left before it starts. Returns how many got a place or an offer.
     */
    int promote(String eventId, Set<String> cities) {
        Event event = events.findIfExists(eventId);
        if (event != null && !event.acceptsRegistrations()) {
            return 0; // called off or held: nobody gets a place any more
        }
        int promoted = 0;
        while (true) {
            Registration next = store.firstWaiting(eventId);
            if (next == null || !seats.takePlace(eventId)) {
                break;
            }
            Instant offeredUntil = event == null ? null : event.offerDeadline(Instant.now());
            Registration moved = offeredUntil == null
                    ? store.move(next.id(), RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED, cities)
                    : store.offer(next, offeredUntil, cities);
            if (moved == null) {
                seats.givePlaceBack(eventId); // they left the list at this very moment: the place goes to the next one
                continue;
            }
            seats.leaveWaitingList(eventId);
            promoted++;
        }
        return promoted;
    }

    /**
     * Checks a participant in to a session, or corrects that (attended false); see {@link Registration#checkIn}.
     * Retried when the registration changed between the read and the guarded write.
     */
    Registration attendance(Registration registration, String sessionId, boolean attended, Set<String> cities) {
        for (int attempt = 1; ; attempt++) {
            Registration current = store.find(registration.id());
            Registration.CheckIn checkIn = current.checkIn(sessionId, attended);
            if (checkIn == null) {
                return current;
            }
            Registration marked = store.checkIn(current, checkIn, sessionId, cities);
            if (marked != null) {
                return marked;
            }
            if (attempt == 5) {
                throw new OptimisticLockingFailureException("The registration changed meanwhile");
            }
        }
    }

    /** The event was called off: everyone with a place, an offer or on the waiting list is cancelled (and told); returns how many. */
    int cancelAllOf(String eventId, Set<String> cities) {
        return closeAll(eventId, List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED, RegistrationStatus.WAITLISTED),
                RegistrationStatus.CANCELLED, cities);
    }

    /** The event was held: confirmed people never checked in are no-shows; returns how many. (Offers end before the start.) */
    int markNoShows(String eventId, Set<String> cities) {
        return closeAll(eventId, List.of(RegistrationStatus.CONFIRMED), RegistrationStatus.NO_SHOW, cities);
    }

    private int closeAll(String eventId, List<RegistrationStatus> from, RegistrationStatus to, Set<String> cities) {
        Map<RegistrationStatus, Integer> moved = store.moveAll(eventId, from, to, cities);
        seats.leaveWaitingList(eventId, moved.getOrDefault(RegistrationStatus.WAITLISTED, 0));
        return moved.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A status move and what it does to the waiting list's size. */
    private Registration move(String registrationId, RegistrationStatus from, RegistrationStatus to, Set<String> cities) {
        Registration moved = store.move(registrationId, from, to, cities);
        if (moved != null && from == RegistrationStatus.WAITLISTED) {
            seats.leaveWaitingList(moved.eventId());
        }
        return moved;
    }
}
