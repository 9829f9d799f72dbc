package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import java.time.Instant;
import java.time.LocalDate;
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
        Instant updatedAt) {

    static ProjectSummary of(Project project) {
        return new ProjectSummary(project.id(), project.acronym(), project.name(), project.status(), project.startDate(),
                project.endDate(), project.leadCity(), project.participatingCities(), project.themes(),
                project.totalBudgetEur(), project.continues(), project.continuedBy(), project.participantsReached(),
                project.eventsHeld(), project.updatedAt());
    }
}
