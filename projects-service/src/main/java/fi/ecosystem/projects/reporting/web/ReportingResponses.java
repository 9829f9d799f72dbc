package fi.ecosystem.projects.reporting.web;

import fi.ecosystem.projects.api.reporting.CorrectionResponse;
import fi.ecosystem.projects.api.reporting.EvidenceRow;
import fi.ecosystem.projects.api.reporting.FigureValue;
import fi.ecosystem.projects.api.reporting.PeriodResponse;
import fi.ecosystem.projects.api.reporting.PeriodStatus;
import fi.ecosystem.projects.api.reporting.SessionRow;
import fi.ecosystem.projects.reporting.Correction;
import fi.ecosystem.projects.reporting.Counting;
import fi.ecosystem.projects.reporting.Figure;
import fi.ecosystem.projects.reporting.ReportingPeriod;
import fi.ecosystem.projects.reporting.ReportingService.PeriodReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What the reporting API answers: the domain's periods, corrections and evidence as projects-api's records. */
final class ReportingResponses {

    private ReportingResponses() {
    }

    static PeriodResponse period(PeriodReport report) {
        ReportingPeriod period = report.period();
        List<FigureValue> figures = Arrays.stream(Figure.values()).map(figure -> new FigureValue(api(figure),
                report.figures().period(figure), report.figures().cumulative(figure),
                report.lockedFigures() == null ? null : report.lockedFigures().period(figure),
                report.lockedFigures() == null ? null : report.lockedFigures().cumulative(figure))).toList();
        return new PeriodResponse(period.label(), period.startDate(), period.endDate(),
                PeriodStatus.valueOf(period.status().name()), period.submittedBy(), period.submittedAt(),
                period.lockedBy(), period.lockedAt(), figures,
                report.corrections().stream().map(ReportingResponses::correction).toList());
    }

    static CorrectionResponse correction(Correction correction) {
        return new CorrectionResponse(api(correction.figure()), correction.periodDelta(), correction.cumulativeDelta(),
                correction.reason(), correction.cause(), correction.recordedAt(), correction.note(),
                correction.recordedBy());
    }

    /** People are named only by the start of their keyed e-mail hash. */
    static EvidenceRow evidence(Counting.Counted counted, Instant lockedAt) {
        boolean late = lockedAt != null && counted.recordedAt() != null && counted.recordedAt().isAfter(lockedAt);
        String key = counted.figure() == Figure.PARTICIPANTS_REACHED || counted.figure() == Figure.GROWTH_PROGRAMME_COMPLETIONS
                ? counted.label() : counted.key();
        return new EvidenceRow(api(counted.figure()), key, counted.label(), counted.countsOn(), counted.eventId(),
                counted.businessId(), counted.attendances(), counted.recordedAt(), late);
    }

    static SessionRow session(Counting.SessionAttendance row) {
        return new SessionRow(row.eventId(), row.eventTitle(), row.sessionId(), row.heldOn(), row.people());
    }

    static fi.ecosystem.projects.api.reporting.Figure api(Figure figure) {
        return fi.ecosystem.projects.api.reporting.Figure.valueOf(figure.name());
    }

    static Figure domain(fi.ecosystem.projects.api.reporting.Figure figure) {
        return Figure.valueOf(figure.name());
    }
}
