package fi.ecosystem.projects.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The project that continues an ended one. */
public record ContinuationRequest(@NotBlank @Size(max = 100) String successorId) {
}
