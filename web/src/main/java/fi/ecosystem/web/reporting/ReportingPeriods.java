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

    /** {@code reason}: a code ({@code late-attendance}, {@code manual}…); {@code note}: a manual one's words. */
    record Correction(String figure, long periodDelta, long cumulativeDelta, String reason, String cause,
            Instant recordedAt, String note, String recordedBy) {
    }

    /** A row behind a figure: an event, a person (pseudonymous key), a company or a completion. */
    record EvidenceRow(String figure, String key, String label, LocalDate countsOn, String eventId, String businessId,
            int attendances, Instant recordedAt, boolean afterLock) {
    }

    /** A session of a counting event with the people checked in to it. */
    record SessionRow(String eventId, String event, String sessionId, LocalDate heldOn, long people) {
    }

    /** One page of the rows behind a figure. */
    record EvidencePage(List<EvidenceRow> items, int page, int size, long totalItems) {

        EvidencePage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One page of the attendance per session. */
    record SessionPage(List<SessionRow> items, int page, int size, long totalItems) {

        SessionPage {
            items = items == null ? List.of() : List.copyOf(items);
        }
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

    Period period(String projectId, String label) {
        return JSON.convertValue(projects.get("/api/projects/{id}/reporting-periods/{label}", projectId, label), Period.class);
    }

    EvidencePage behind(String projectId, String label, String figure, boolean cumulative, int page, int size) {
        return JSON.convertValue(projects.get("/api/projects/{id}/reporting-periods/{label}/figures/{figure}"
                        + "?cumulative={cumulative}&page={page}&size={size}", projectId, label, figure, cumulative, page, size),
                EvidencePage.class);
    }

    SessionPage attendance(String projectId, String label, String language, int page, int size) {
        return JSON.convertValue(projects.get("/api/projects/{id}/reporting-periods/{label}/attendance"
                        + "?lang={lang}&page={page}&size={size}", projectId, label, language, page, size),
                SessionPage.class);
    }

    Period add(String projectId, String label, LocalDate startDate, LocalDate endDate) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("label", label);
        body.put("startDate", startDate == null ? null : startDate.toString());
        body.put("endDate", endDate == null ? null : endDate.toString());
        return JSON.convertValue(projects.post(body, "/api/projects/{id}/reporting-periods", projectId), Period.class);
    }

    void remove(String projectId, String label) {
        projects.delete("/api/projects/{id}/reporting-periods/{label}", projectId, label);
    }

    Period correct(String projectId, String label, String figure, long periodDelta, long cumulativeDelta, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("figure", figure);
        body.put("periodDelta", periodDelta);
        body.put("cumulativeDelta", cumulativeDelta);
        body.put("reason", reason);
        return JSON.convertValue(projects.post(body, "/api/projects/{id}/reporting-periods/{label}/corrections", projectId,
                label), Period.class);
    }

    /** A step of the period's life: {@code submission}, {@code reopening} or {@code lock}. */
    Period step(String projectId, String label, String step) {
        return JSON.convertValue(projects.post(Map.of(), "/api/projects/{id}/reporting-periods/{label}/{step}", projectId,
                label, step), Period.class);
    }
}
