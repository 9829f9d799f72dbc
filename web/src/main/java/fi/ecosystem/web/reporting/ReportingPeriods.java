package fi.ecosystem.web.reporting;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.projects.api.reporting.EvidenceRow;
import fi.ecosystem.projects.api.reporting.Figure;
import fi.ecosystem.projects.api.reporting.NewCorrection;
import fi.ecosystem.projects.api.reporting.NewPeriod;
import fi.ecosystem.projects.api.reporting.PeriodResponse;
import fi.ecosystem.projects.api.reporting.ReportingApi;
import fi.ecosystem.projects.api.reporting.SessionRow;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The projects service's reporting API through its typed client (projects-api's {@link ReportingApi}). */
@Component
class ReportingPeriods {

    private final ReportingApi reporting;
    private final ProjectsApi projects;

    ReportingPeriods(ReportingApi reporting, ProjectsApi projects) {
        this.reporting = reporting;
        this.projects = projects;
    }

    ProjectResponse project(String projectId) {
        return projects.get(projectId);
    }

    List<PeriodResponse> periods(String projectId) {
        return reporting.periods(projectId);
    }

    PeriodResponse period(String projectId, String label) {
        return reporting.period(projectId, label);
    }

    ItemsPage<EvidenceRow> behind(String projectId, String label, Figure figure, boolean cumulative, int page, int size) {
        return reporting.behind(projectId, label, figure, cumulative, page, size);
    }

    ItemsPage<SessionRow> attendance(String projectId, String label, String language, int page, int size) {
        return reporting.attendance(projectId, label, language, page, size);
    }

    PeriodResponse add(String projectId, String label, LocalDate startDate, LocalDate endDate) {
        return reporting.add(projectId, new NewPeriod(label, startDate, endDate));
    }

    void remove(String projectId, String label) {
        reporting.remove(projectId, label);
    }

    PeriodResponse correct(String projectId, String label, Figure figure, long periodDelta, long cumulativeDelta, String reason) {
        return reporting.correct(projectId, label, new NewCorrection(figure, periodDelta, cumulativeDelta, reason));
    }

    /** A step of the period's life: {@code submission}, {@code reopening} or {@code lock}. */
    PeriodResponse step(String projectId, String label, String step) {
        return switch (step) {
            case "submission" -> reporting.submit(projectId, label);
            case "reopening" -> reporting.reopen(projectId, label);
            case "lock" -> reporting.lock(projectId, label);
            default -> throw new IllegalArgumentException("No step " + step);
        };
    }
}
