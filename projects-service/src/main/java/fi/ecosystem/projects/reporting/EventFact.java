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
 * id, so an event delivered twice (or changed ten times) is still one event.
 */
@Document("report_events")
public record EventFact(@Id String eventId, @Indexed String projectId, String eventType, LocalizedText title, String status,
        String organisingCity, Instant startsAt, Instant endsAt, boolean excludedFromReports, Instant firstRecordedAt,
        Instant heldRecordedAt) {

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
}
