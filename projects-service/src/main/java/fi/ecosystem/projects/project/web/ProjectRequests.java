package fi.ecosystem.projects.project.web;

import fi.ecosystem.projects.project.ProjectStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/** Request bodies of the projects API. */
final class ProjectRequests {

    private ProjectRequests() {
    }

    static final String CITY_ALIAS = "[a-z][a-z0-9-]{1,39}";

    record Text(
            @Size(max = 300) String fi,
            @Size(max = 300) String sv,
            @Size(max = 300) String en) {
    }

    record LongText(
            @Size(max = 10_000) String fi,
            @Size(max = 10_000) String sv,
            @Size(max = 10_000) String en) {
    }

    record PlanProject(
            @NotBlank @Size(max = 40) String acronym,
            @NotNull @Valid Text name,
            @Valid LongText description,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @NotBlank @Pattern(regexp = CITY_ALIAS) String leadCity,
            @NotEmpty @Size(max = 400) Set<@NotBlank @Pattern(regexp = CITY_ALIAS) String> participatingCities) {
    }

    record ChangeStatus(@NotNull ProjectStatus status) {
    }
}
