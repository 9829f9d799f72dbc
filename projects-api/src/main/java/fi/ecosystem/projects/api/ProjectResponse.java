package fi.ecosystem.projects.api;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One project with everything it holds, as its cities see it. {@code statusChanges}: the statuses a status change
 * ({@code PUT /api/projects/{id}/status}) may move it to now (the service's rule, so that a form offers only those).
 */
public record ProjectResponse(
        String id,
        String acronym,
        LocalizedText name,
        LocalizedText description,
        ProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String leadCity,
        Set<String> participatingCities,
        long totalBudgetEur,
        List<Funding> funding,
        List<Partner> partners,
        Set<Theme> themes,
        List<Contact> contacts,
        List<Publication> publications,
        List<WorkPackage> workPackages,
        List<Indicator> indicators,
        String continues,
        String continuedBy,
        long participantsReached,
        long eventsHeld,
        Instant createdAt,
        Instant updatedAt,
        Set<ProjectStatus> statusChanges) {

    public ProjectResponse {
        participatingCities = participatingCities == null ? Set.of() : participatingCities;
        funding = funding == null ? List.of() : funding;
        partners = partners == null ? List.of() : partners;
        themes = themes == null ? Set.of() : themes;
        contacts = contacts == null ? List.of() : contacts;
        publications = publications == null ? List.of() : publications;
        workPackages = workPackages == null ? List.of() : workPackages;
        indicators = indicators == null ? List.of() : indicators;
        statusChanges = statusChanges == null ? Set.of() : statusChanges;
    }

    /** @param city the alias when the partner is a participating city (null for companies, councils…) */
    public record Partner(String organisation, String city, PartnerRole role) {
    }

    /** A funding decision; the amount null when not known. */
    public record Funding(String funder, String programme, Long amountEur) {
    }

    /** A person to contact about the project and their role in it. */
    public record Contact(String name, String role, String organisation, String email) {
    }

    public record Publication(String title, String url) {
    }

    public record Deliverable(String title, LocalDate dueDate, DeliverableStatus status) {
    }

    public record WorkPackage(int number, LocalizedText title, String responsiblePartner, LocalizedText description,
            List<Deliverable> deliverables) {

        public WorkPackage {
            deliverables = deliverables == null ? List.of() : deliverables;
        }
    }

    /** One reported value: the indicator's cumulative actual at the end of the period. */
    public record IndicatorValue(String period, long value, String reportedBy, Instant reportedAt) {
    }

    /** An indicator with its actual value: the latest report, or the live count for fed indicators. */
    public record Indicator(String code, LocalizedText name, String unit, long target, long baseline, long actual,
            IndicatorFeed feed, List<IndicatorValue> history) {

        public Indicator {
            feed = feed == null ? IndicatorFeed.REPORTED : feed;
            history = history == null ? List.of() : history;
        }
    }

    /** The work package of this number; null when the project has none. */
    public WorkPackage workPackage(int number) {
        return workPackages.stream().filter(workPackage -> workPackage.number() == number).findFirst().orElse(null);
    }

    /** The indicator of this code; null when the project has none. */
    public Indicator indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst().orElse(null);
    }
}
