package fi.ecosystem.contracts.events;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;

/**
 * An event (growth programme, webinar, seminar…) was created or changed. Topic {@code events}, key = event id.
 * Status {@code COMPLETED} means the event was held.
 *
 * @param excludedFromReports the organiser marked the event as not counting in reports (tests, internal meetings)
 * @param endsAt              the end of the event's last session; null for events written before it was sent
 */
public record EventChanged(
        String eventId,
        String projectId,
        String eventType,
        LocalizedText title,
        String status,
        String organisingCity,
        int capacity,
        Instant startsAt,
        boolean excludedFromReports,
        Instant endsAt) {

    public static final String TYPE = "event.changed";
    public static final int VERSION = 1;

    /** A change of the first shape of this record: the event counts in reports, its end unknown. */
    public EventChanged(String eventId, String projectId, String eventType, LocalizedText title, String status,
            String organisingCity, int capacity, Instant startsAt) {
        this(eventId, projectId, eventType, title, status, organisingCity, capacity, startsAt, false, null);
    }
}
