package fi.ecosystem.projects.reporting;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the events topic last said about one of a project's events: one document per event, replaced by its
 * id, so an event delivered twice (or changed ten times) is still one event. {@code sessionsToComplete} is the
 * programme's completion threshold as events-service resolved it (null in messages from before it was sent).
 */
@Document("report_events")
public record EventFact(@Id String eventId, @Indexed String projectId, String eventType, LocalizedText title, String status,
        String organisingCity, Instant startsAt, Instant endsAt, boolean excludedFromReports, Instant firstRecordedAt,
        Instant heldRecordedAt, Integer sessionsToComplete) {

    /** Dates of the reports are Finnish days. */
    static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/Helsinki");
    static final String COMPLETED = "COMPLETED";
    static final String GROWTH_PROGRAMME = "GROWTH_PROGRAMME";

    public boolean held() {
        return COMPLETED.equals(status) && !excludedFromReports;
    }

    /** The day it counts on: the end of its last session, its start for events that did not say. */
    public LocalDate heldOn() {
        Instant day = endsAt != null ? endsAt : startsAt;
        return day == null ? null : LocalDate.ofInstant(day, REPORTING_ZONE);
    }

    public boolean growthProgramme() {
        return GROWTH_PROGRAMME.equals(eventType);
    }

    /**
     * Attended sessions that complete the programme: the organiser's threshold (all sessions unless set); one for an
     * event whose messages predate the threshold, as such events were counted before.
     */
    public int sessionsNeededToComplete() {
        return sessionsToComplete == null || sessionsToComplete < 1 ? 1 : sessionsToComplete;
    }
}
