package fi.ecosystem.projects.api.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manual correction: the change of the period value and of the cumulative value, and why. */
public record NewCorrection(@NotNull Figure figure, @Min(-1_000_000) @Max(1_000_000) long periodDelta,
        @Min(-1_000_000) @Max(1_000_000) long cumulativeDelta,
        @NotBlank(message = "reporting-correction-reason") @Size(max = 1000) String reason) {
}
