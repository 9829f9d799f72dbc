package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

record ProjectResponse(
        String id,
        String acronym,
        LocalizedText name,
        LocalizedText description,
        ProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String leadCity,
        Set<String> participatingCities,
        long totalBudgetEur,
        List<ProjectParts.Funding> funding,
        List<ProjectParts.Partner> partners,
        Set<Theme> themes,
        List<ProjectParts.ProjectContact> contacts,
        List<ProjectParts.Publication> publications,
        List<ProjectParts.WorkPackage> workPackages,
        List<IndicatorResponse> indicators,
        String continues,
        String continuedBy,
        long participantsReached,
        long eventsHeld,
        Instant createdAt,
        Instant updatedAt) {

    /** An indicator with its actual value: the latest report, or the live count for fed indicators. */
    record IndicatorResponse(String code, LocalizedText name, String unit, long target, long baseline, long actual,
            ProjectParts.IndicatorFeed feed, List<ProjectParts.IndicatorValue> history) {
    }

    static ProjectResponse of(Project project) {
        return new ProjectResponse(project.id(), project.acronym(), project.name(), project.description(),
                project.status(), project.startDate(), project.endDate(), project.leadCity(),
                project.participatingCities(), project.totalBudgetEur(), project.funding(), project.partners(),
                project.themes(), project.contacts(), project.publications(), project.workPackages(),
                project.indicators().stream().map(indicator -> new IndicatorResponse(indicator.code(), indicator.name(),
                        indicator.unit(), indicator.target(), indicator.baseline(), project.actualOf(indicator),
                        indicator.feed(), indicator.history())).toList(),
                project.continues(), project.continuedBy(), project.participantsReached(), project.eventsHeld(),
                project.createdAt(), project.updatedAt());
    }
}
