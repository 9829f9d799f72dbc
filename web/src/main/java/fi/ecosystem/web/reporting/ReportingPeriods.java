package fi.ecosystem.web.reporting;

import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.web.support.ServiceClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The projects service's reporting API, as typed records (unknown fields are ignored, so the service may add some). */
@Component
class ReportingPeriods {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ServiceClient projects;
    private final ProjectsApi projectsApi;

    ReportingPeriods(@Qualifier("projectsService") ServiceClient projects, ProjectsApi projectsApi) {
        this.projects = projects;
        this.projectsApi = projectsApi;
    }

    record FigureValue(String figure, long periodValue, long cumulativeValue, Long lockedPeriodValue,
            Long lockedCumulativeValue) {

        /** What the period reports now differs from what was locked: corrections came after the lock. */
        boolean corrected() {
            return lockedPeriodValue != null && lockedPeriodValue != periodValue;
        }
    }

    record Correction(String figure, long periodDelta, long cumulativeDelta, String reason, String cause,
            Instant recordedAt) {
    }

    record Period(String label, LocalDate startDate, LocalDate endDate, String status, String submittedBy,
            Instant submittedAt, String lockedBy, Instant lockedAt, List<FigureValue> figures,
            List<Correction> corrections) {

        Period {
            figures = figures == null ? List.of() : List.copyOf(figures);
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
        }
    }

    ProjectResponse project(String projectId) {
        return projectsApi.get(projectId);
    }

    List<Period> periods(String projectId) {
        return projects.list("/api/projects/{id}/reporting-periods", projectId).stream()
                .map(period -> JSON.convertValue(period, Period.class)).toList();
    }

    /** A step of the period's life: {@code submission}, {@code reopening} or {@code lock}. */
    Period step(String projectId, String label, String step) {
        return JSON.convertValue(projects.post(Map.of(), "/api/projects/{id}/reporting-periods/{label}/{step}", projectId,
                label, step), Period.class);
    }
}
