package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectStatus;
import java.time.Instant;
import java.time.LocalDate;
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
        String continues,
        String continuedBy,
        long participantsReached,
        Instant createdAt,
        Instant updatedAt) {

    static ProjectResponse of(Project project) {
        return new ProjectResponse(project.id(), project.acronym(), project.name(), project.description(),
                project.status(), project.startDate(), project.endDate(), project.leadCity(),
                project.participatingCities(), project.continues(), project.continuedBy(),
                project.participantsReached(), project.createdAt(), project.updatedAt());
    }
}
