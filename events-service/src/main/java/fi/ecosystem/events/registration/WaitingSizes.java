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
 * Puts a waiting list's stored size right when it drifted. Joining adds to the size before the registration is
 * stored, and leaving takes from it after the status moved, so a process that dies between the two writes leaves the
 * size one too high, and the places told to later joiners (which the size gives) one too high with it. Each round
 * compares the stored sizes of the events ahead with their waiting registrations; a size is put right only when a
 * round finds it differing as this replica's round before did, at the same version of the event: nothing joined or
 * left in between, so no write of a join or a departure was on its way. Every replica runs it; the write is guarded
 * by the version, so a size is put right once.
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

    private record Seen(long version, long counted) {
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

    /** One round at {@code now}; returns how many sizes it put right. */
    public synchronized int correct(Instant now) {
        Map<String, Seen> seen = new HashMap<>();
        int corrected = 0;
        for (SeatCounter.WaitingSize stored : seats.waitingSizes(now, BATCH)) {
            long counted = registrations.countByEventIdAndStatus(stored.eventId(), RegistrationStatus.WAITLISTED);
            if (counted == stored.size()) {
                continue;
            }
            Seen before = lastRound.get(stored.eventId());
            if (before != null && before.version() == stored.version() && before.counted() == counted) {
                if (seats.correctWaitingSize(stored, counted)) {
                    corrected++;
                    log.info("Event {}: the waiting list's size was {}, {} wait: put right", stored.eventId(), stored.size(), counted);
                }
            } else {
                seen.put(stored.eventId(), new Seen(stored.version(), counted));
            }
        }
        lastRound = seen;
        return corrected;
    }
}
