package fi.ecosystem.projects.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An indicator's definition (its code is in the address); no feed: reported by staff, no baseline: 0. */
public record IndicatorRequest(@NotNull @Valid ProjectRequest.Text name, @NotBlank @Size(max = 40) String unit,
        @NotNull @Min(0) Long target, @Min(0) Long baseline, IndicatorFeed feed) {
}
