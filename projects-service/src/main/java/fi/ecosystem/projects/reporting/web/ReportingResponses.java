package fi.ecosystem.projects.reporting.web;

import fi.ecosystem.projects.reporting.Correction;
import fi.ecosystem.projects.reporting.Counting;
import fi.ecosystem.projects.reporting.Figure;
import fi.ecosystem.projects.reporting.PeriodStatus;
import fi.ecosystem.projects.reporting.ReportingPeriod;
import fi.ecosystem.projects.reporting.ReportingService.PeriodReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What the reporting API answers. */
final class ReportingResponses {

    private ReportingResponses() {
    }

    /**
     * @param figures per figure: what the period reports now (locked value plus corrections once locked), and the
     *                locked value itself
     */
    record PeriodResponse(String label, LocalDate startDate, LocalDate endDate, PeriodStatus status, String submittedBy,
            Instant submittedAt, String lockedBy, Instant lockedAt, List<FigureValue> figures,
            List<CorrectionResponse> corrections) {

        static PeriodResponse of(PeriodReport report) {
            ReportingPeriod period = report.period();
            List<FigureValue> figures = Arrays.stream(Figure.values()).map(figure -> new FigureValue(figure,
                    report.figures().period(figure), report.figures().cumulative(figure),
                    report.lockedFigures() == null ? null : report.lockedFigures().period(figure),
                    report.lockedFigures() == null ? null : report.lockedFigures().cumulative(figure))).toList();
            return new PeriodResponse(period.label(), period.startDate(), period.endDate(), period.status(),
                    period.submittedBy(), period.submittedAt(), period.lockedBy(), period.lockedAt(), figures,
                    report.corrections().stream().map(CorrectionResponse::of).toList());
        }
    }

    record FigureValue(Figure figure, long periodValue, long cumulativeValue, Long lockedPeriodValue,
            Long lockedCumulativeValue) {
    }

    /**
     * @param reason     {@code late-attendance}, {@code late-event-change} or {@code manual}
     * @param note       a manual correction's reason as its author wrote it
     * @param recordedBy who entered a manual correction
     */
    record CorrectionResponse(Figure figure, long periodDelta, long cumulativeDelta, String reason, String cause,
            Instant recordedAt, String note, String recordedBy) {

        static CorrectionResponse of(Correction correction) {
            return new CorrectionResponse(correction.figure(), correction.periodDelta(), correction.cumulativeDelta(),
                    correction.reason(), correction.cause(), correction.recordedAt(), correction.note(),
                    correction.recordedBy());
        }
    }

    /**
     * One row behind a figure. People are named only by the start of their keyed e-mail hash.
     *
     * @param afterLock its evidence arrived after the period was locked: it is counted in a correction
     */
    record EvidenceRow(Figure figure, String key, String label, LocalDate countsOn, String eventId, String businessId,
            int attendances, Instant recordedAt, boolean afterLock) {

        static EvidenceRow of(Counting.Counted counted, Instant lockedAt) {
            boolean late = lockedAt != null && counted.recordedAt() != null && counted.recordedAt().isAfter(lockedAt);
            String key = counted.figure() == Figure.PARTICIPANTS_REACHED || counted.figure() == Figure.GROWTH_PROGRAMME_COMPLETIONS
                    ? counted.label() : counted.key();
            return new EvidenceRow(counted.figure(), key, counted.label(), counted.countsOn(), counted.eventId(),
                    counted.businessId(), counted.attendances(), counted.recordedAt(), late);
        }
    }

    /** One session of a counting event with the distinct people checked in to it ({@code sessionId} null: the whole event). */
    record SessionRow(String eventId, String event, String sessionId, LocalDate heldOn, long people) {

        static SessionRow of(Counting.SessionAttendance row) {
            return new SessionRow(row.eventId(), row.eventTitle(), row.sessionId(), row.heldOn(), row.people());
        }
    }
}
