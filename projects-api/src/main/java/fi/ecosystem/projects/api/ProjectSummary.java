package fi.ecosystem.projects.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A row of a project list; the whole project is at {@code /api/projects/{id}}. {@code indicators}: only when the list
 * was asked with {@code include=indicators} (null otherwise).
 */
public record ProjectSummary(
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
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IndicatorProgress> indicators) {

    /** An indicator's progress without its history. */
    public record IndicatorProgress(String code, LocalizedText name, String unit, long target, long baseline, long actual,
            IndicatorFeed feed) {
    }
}
