package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import com.fasterxml.jackson.annotation.JsonInclude;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A row of a project list; the whole project is at {@code /api/projects/{id}}. */
record ProjectSummary(
        String id,
        String acronym,
        LocalizedText name,
        ProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String leadCity,
        Set<String> participatingCities,
        Set<Theme> themes,
        long totalBudgetEur,
        String continues,
        String continuedBy,
        long participantsReached,
        long eventsHeld,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IndicatorProgress> indicators) {

    /** An indicator's progress without its history (rows asked with {@code include=indicators}). */
    record IndicatorProgress(String code, LocalizedText name, String unit, long target, long baseline, long actual,
            ProjectParts.IndicatorFeed feed) {
    }

    static ProjectSummary of(Project project) {
        return of(project, false);
    }

    static ProjectSummary of(Project project, boolean withIndicators) {
        return new ProjectSummary(project.id(), project.acronym(), project.name(), project.status(), project.startDate(),
                project.endDate(), project.leadCity(), project.participatingCities(), project.themes(),
                project.totalBudgetEur(), project.continues(), project.continuedBy(), project.participantsReached(),
                project.eventsHeld(), project.updatedAt(), withIndicators ? project.indicators().stream()
                        .map(indicator -> new IndicatorProgress(indicator.code(), indicator.name(), indicator.unit(),
                                indicator.target(), indicator.baseline(), project.actualOf(indicator), indicator.feed()))
                        .toList() : null);
    }
}
