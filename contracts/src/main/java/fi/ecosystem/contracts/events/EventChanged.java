package fi.ecosystem.contracts.events;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;

/**
 * An event (growth programme, webinar, seminar…) was created or changed. Topic {@code events}, key = event id.
 * {@code sessionsToComplete}: the attended sessions that complete it (the organiser's threshold, else all of its
 * sessions, at least one).
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
        Boolean excludedFromReports,
        Instant endsAt,
        Integer sessionsToComplete) {

    public static final String TYPE = "event.changed";
    public static final int VERSION = 1;

    /** A message from before reporting has no {@code excludedFromReports}: such an event counts in reports. */
    public EventChanged {
        excludedFromReports = Boolean.TRUE.equals(excludedFromReports);
    }

    /**
     * The shape before the completion threshold was published ({@code sessionsToComplete} null: a reader counts
     * a completion from one attended session, as it did before).
     */
    public EventChanged(String eventId, String projectId, String eventType, LocalizedText title, String status,
            String organisingCity, int capacity, Instant startsAt, Boolean excludedFromReports, Instant endsAt) {
        this(eventId, projectId, eventType, title, status, organisingCity, capacity, startsAt, excludedFromReports, endsAt, null);
    }

    /** The shape before reporting: counted in reports, end unknown. */
    public EventChanged(String eventId, String projectId, String eventType, LocalizedText title, String status,
            String organisingCity, int capacity, Instant startsAt) {
        this(eventId, projectId, eventType, title, status, organisingCity, capacity, startsAt, Boolean.FALSE, null, null);
    }
}
