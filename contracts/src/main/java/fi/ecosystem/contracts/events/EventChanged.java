package fi.ecosystem.contracts.events;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;

/**
 * An event (growth programme, webinar, seminar…) was created or changed. Topic {@code events}, key = event id.
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

    /** The shape before reporting: counted in reports, end unknown. */
    public EventChanged(String eventId, String projectId, String eventType, LocalizedText title, String status,
            String organisingCity, int capacity, Instant startsAt) {
        this(eventId, projectId, eventType, title, status, organisingCity, capacity, startsAt, false, null);
    }
}
