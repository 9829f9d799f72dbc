package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.SeatCounter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Cancellations and the waiting list. Every status change is one guarded atomic update of the
 * registration (from the status it had, with its event in the same write, see {@link RegistrationStore}), and
 * places move only through the guarded counter, so concurrent cancellations and registrations neither overbook
 * nor lose a place: a freed place goes to the first waitlisted person, in the order they registered.
 */
@Component
class WaitingList {

    private final RegistrationStore store;
    private final SeatCounter seats;

    WaitingList(RegistrationStore store, SeatCounter seats) {
        this.store = store;
        this.seats = seats;
    }

    /**
     * Cancels a confirmed or waitlisted registration; a freed place is offered to the waiting list at once.
     * Returns the cancelled registration, or the unchanged one if it was not active any more.
     */
    Registration cancel(Registration registration, Set<String> cities) {
        if (registration.status() != RegistrationStatus.CONFIRMED && registration.status() != RegistrationStatus.WAITLISTED) {
            return store.find(registration.id());
        }
        Registration cancelled = move(registration.id(), registration.status(), RegistrationStatus.CANCELLED, cities);
        if (cancelled == null) {
            return store.find(registration.id());
        }
        if (registration.status() == RegistrationStatus.CONFIRMED) {
            seats.givePlaceBack(registration.eventId());
            promote(registration.eventId(), cities);
        }
        return cancelled;
    }

    /** Gives free places to the waitlisted, first come first served; returns how many were promoted. */
    int promote(String eventId, Set<String> cities) {
        int promoted = 0;
        while (true) {
            Registration next = store.firstWaiting(eventId);
            if (next == null || !seats.takePlace(eventId)) {
                break;
            }
            if (move(next.id(), RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED, cities) == null) {
                seats.givePlaceBack(eventId); // they left the list at this very moment: the place goes to the next one
                continue;
            }
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
