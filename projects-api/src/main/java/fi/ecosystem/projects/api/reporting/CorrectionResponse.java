package fi.ecosystem.projects.api.reporting;

import java.time.Instant;

/**
 * A dated correction of a locked period's figure.
 *
 * @param reason     {@code late-attendance}, {@code late-event-change}, {@code backfill} or {@code manual}
 * @param note       a manual correction's reason as its author wrote it
 * @param recordedBy who entered a manual correction
 */
public record CorrectionResponse(Figure figure, long periodDelta, long cumulativeDelta, String reason, String cause,
        Instant recordedAt, String note, String recordedBy) {
}
