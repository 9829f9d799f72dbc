package fi.ecosystem.projects.api.reporting;

import fi.ecosystem.projects.api.ReportRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** A period to add: labels name periods as indicator values do (2024, 2024-H1, 2024-Q3, 2024-09). */
public record NewPeriod(@NotNull @Pattern(regexp = ReportRequest.PERIOD, message = "reporting-period-label") String label,
        @NotNull LocalDate startDate, @NotNull LocalDate endDate) {
}
