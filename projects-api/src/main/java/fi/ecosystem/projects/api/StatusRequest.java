package fi.ecosystem.projects.api;

import jakarta.validation.constraints.NotNull;

/** The status a project moves to. */
public record StatusRequest(@NotNull ProjectStatus status) {
}
