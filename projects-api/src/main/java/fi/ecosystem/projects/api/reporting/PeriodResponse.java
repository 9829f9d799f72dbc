package fi.ecosystem.projects.api.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reporting period with its figures and, once locked, the corrections since. */
public record PeriodResponse(String label, LocalDate startDate, LocalDate endDate, PeriodStatus status,
        String submittedBy, Instant submittedAt, String lockedBy, Instant lockedAt, List<FigureValue> figures,
        List<CorrectionResponse> corrections) {

    public PeriodResponse {
        figures = figures == null ? List.of() : List.copyOf(figures);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }
}
