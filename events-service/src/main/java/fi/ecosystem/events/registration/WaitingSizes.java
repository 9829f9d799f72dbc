package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.SeatCounter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts a waiting list's stored size, and the event's places taken, right when they drifted. Joining adds to the size
 * before the registration is stored, and leaving takes from it after the status moved, so a process that dies between
 * the two writes leaves the size one too high, and the places told to later joiners (which the size gives) one too
 * high with it. Taking a place is likewise written before the registration: a process that dies between them leaves a
 * place taken by nobody, and people wait while it is free. Such a place matters once someone waits, so the events
 * with a waiting list are the ones compared. Each round compares the stored counters of the events ahead with their
 * registrations; they are put right only when a round finds them differing as this replica's round before did, at
 * the same version of the event: nothing joined, left, took or gave back a place in between, so no such write was on
 * its way. Every replica runs it; the write is guarded by the version, so a counter is put right once. A place put
 * back is given to the waiting list by the next round of {@link OfferDeadlines}.
 */
@Component
public class WaitingSizes {

    /** Events compared per round at most; the rest are compared in later rounds. */
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(WaitingSizes.class);

    private final SeatCounter seats;
    private final RegistrationRepository registrations;
    /** The differing sizes this replica's last round saw, by event. */
    private Map<String, Seen> lastRound = Map.of();

    private record Seen(long version, long waiting, long placesTaken) {
    }

    WaitingSizes(SeatCounter seats, RegistrationRepository registrations) {
        this.seats = seats;
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${ecosystem.events.waiting-sizes.every:PT10M}",
            initialDelayString = "${ecosystem.events.waiting-sizes.first:PT5M}")
    void scheduled() {
        try {
            correct(Instant.now());
        } catch (RuntimeException storeAway) {
            log.warn("The waiting lists' sizes could not be compared now; compared again next round", storeAway);
        }
    }

    /** One round at {@code now}; returns how many events' counters it put right. */
    public synchronized int correct(Instant now) {
        Map<String, Seen> seen = new HashMap<>();
        int corrected = 0;
        for (SeatCounter.WaitingSize stored : seats.waitingSizes(now, BATCH)) {
            long waiting = registrations.countByEventIdAndStatus(stored.eventId(), RegistrationStatus.WAITLISTED);
            long placesTaken = registrations.countByEventIdAndStatusIn(stored.eventId(), RegistrationStatus.TAKING_A_PLACE);
            if (waiting == stored.size() && placesTaken == stored.placesTaken()) {
                continue;
            }
            Seen found = new Seen(stored.version(), waiting, placesTaken);
            if (found.equals(lastRound.get(stored.eventId()))) {
                if (seats.correctCounters(stored, waiting, placesTaken)) {
                    corrected++;
                    log.info("Event {}: the waiting list's size was {}, {} wait; the places taken were {}, {} hold one: put right",
                            stored.eventId(), stored.size(), waiting, stored.placesTaken(), placesTaken);
                }
            } else {
                seen.put(stored.eventId(), found);
            }
        }
        lastRound = seen;
        return corrected;
    }
}
