package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;

/**
 * One meeting of an event: a webinar has one, a growth programme several over weeks. Times are instants;
 * the pages and mails show them in Europe/Helsinki. Attendance is checked in per session.
 */
public record Session(String id, LocalizedText title, Instant startsAt, Instant endsAt) {

    /** The end for calendars when none was given: one hour after the start. */
    public Instant endsOrAnHourAfterStart() {
        return endsAt != null ? endsAt : startsAt.plusSeconds(3600);
    }
}
