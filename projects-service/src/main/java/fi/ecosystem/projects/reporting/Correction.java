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
 * @param reason     a code the UI and the report pack translate, e.g. {@code late-attendance}; {@code manual} for
 *                   one a project manager entered
 * @param cause      what brought it, e.g. the event whose late check-in moved the figure
 * @param note       a manual correction's reason in the manager's words (null for evidence's own corrections)
 * @param recordedBy who entered a manual correction (null for evidence's own corrections)
 */
@Document("report_corrections")
@CompoundIndex(name = "by_period_recorded", def = "{'periodId': 1, 'recordedAt': 1}")
public record Correction(@Id String id, String projectId, String periodId, Figure figure, long periodDelta,
        long cumulativeDelta, String reason, String cause, Instant recordedAt, String note, String recordedBy) {

    public static final String LATE_ATTENDANCE = "late-attendance";
    public static final String LATE_EVENT_CHANGE = "late-event-change";
    public static final String MANUAL = "manual";
    /** Evidence from before reporting existed, read back from events-service ({@link EvidenceBackfill}). */
    public static final String BACKFILL = "backfill";

    /** Entered by a person, not written by the evidence: evidence's own corrections leave these out of their sums. */
    public boolean manual() {
        return MANUAL.equals(reason);
    }
}
