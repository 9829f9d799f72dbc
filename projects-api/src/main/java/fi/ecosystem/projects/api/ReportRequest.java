package fi.ecosystem.projects.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An indicator's cumulative value at the end of a period: a year, a half, a quarter or a month (2024, 2024-H1, 2024-Q3, 2024-05). */
public record ReportRequest(@NotBlank @Pattern(regexp = PERIOD) String period, @NotNull @Min(0) Long value) {

    public static final String PERIOD = "\\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?";
}
