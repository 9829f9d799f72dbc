package fi.ecosystem.projects.api.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row behind a figure: an event, a person (by the start of their keyed e-mail hash), a company or a completion.
 *
 * @param afterLock its evidence arrived after the period was locked: it is counted in a correction
 */
public record EvidenceRow(Figure figure, String key, String label, LocalDate countsOn, String eventId, String businessId,
        int attendances, Instant recordedAt, boolean afterLock) {
}
