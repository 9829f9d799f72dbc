package fi.ecosystem.projects.reporting;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dated change of a locked period's figure, with its reason: the locked figure stays as it was, and the report
 * shows this entry beside it. One small document per change; the id numbers the corrections of a figure, so two
 * replicas seeing the same late evidence at once write one entry, not two.
 *
 * @param reason a code the UI and the report pack translate, e.g. {@code late-attendance}
 * @param cause  what brought it, e.g. the event whose late check-in moved the figure
 */
@Document("report_corrections")
@CompoundIndex(name = "by_period_recorded", def = "{'periodId': 1, 'recordedAt': 1}")
public record Correction(@Id String id, String projectId, String periodId, Figure figure, long periodDelta,
        long cumulativeDelta, String reason, String cause, Instant recordedAt) {

    public static final String LATE_ATTENDANCE = "late-attendance";
    public static final String LATE_EVENT_CHANGE = "late-event-change";
}
