package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.SeatCounter;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start: events ahead stored before their waiting list's size was kept on the event ({@code waitlistedCount})
 * get it, counted from their waiting registrations. Without it a person joining such a list was told a place
 * counted from the joiners since the change, the event lists showed nobody waiting, and a place freed by a process
 * that died was never offered to the list ({@code SeatCounter.freeWhilePeopleWait} looks only at events with a
 * size). Only events with no size or 0 are looked at, and each write is guarded by the version read and the size
 * still missing: replicas starting together, or a second start, do nothing twice, and a list someone joined
 * meanwhile has a size, which {@link WaitingSizes} compares with the list as for any other event. A change of
 * storage, not of the event: no event is recorded.
 */
@Component
class LegacyWaitingSizes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyWaitingSizes.class);

    private final SeatCounter seats;
    private final RegistrationRepository registrations;

    LegacyWaitingSizes(SeatCounter seats, RegistrationRepository registrations) {
        this.seats = seats;
        this.registrations = registrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        migrate(Instant.now());
    }

    /** Returns how many events were given their size. */
    long migrate(Instant now) {
        long sized = 0;
        try (Stream<SeatCounter.Unsized> unsized = seats.unsizedAhead(now)) {
            for (SeatCounter.Unsized event : (Iterable<SeatCounter.Unsized>) unsized::iterator) {
                long waiting = registrations.countByEventIdAndStatus(event.eventId(), RegistrationStatus.WAITLISTED);
                if (waiting > 0 && seats.sizeUnsized(event, waiting)) {
                    sized++;
                }
            }
        }
        if (sized > 0) {
            log.info("{} events ahead stored before their waiting lists' sizes were kept now have them", sized);
        }
        return sized;
    }
}
