package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Everything about a project that its managers set directly (not status, work packages or indicators). */
public record ProjectDetails(
        String acronym,
        LocalizedText name,
        LocalizedText description,
        LocalDate startDate,
        LocalDate endDate,
        String leadCity,
        Set<String> participatingCities,
        long totalBudgetEur,
        List<ProjectParts.Funding> funding,
        List<ProjectParts.Partner> partners,
        Set<Theme> themes,
        List<ProjectParts.ProjectContact> contacts,
        List<ProjectParts.Publication> publications) {

    public ProjectDetails {
        participatingCities = participatingCities == null ? Set.of() : Set.copyOf(participatingCities);
        funding = funding == null ? List.of() : List.copyOf(funding);
        partners = partners == null ? List.of() : List.copyOf(partners);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        publications = publications == null ? List.of() : List.copyOf(publications);
    }

    public static ProjectDetails basic(String acronym, LocalizedText name, LocalizedText description, LocalDate startDate,
            LocalDate endDate, String leadCity, Set<String> participatingCities) {
        return new ProjectDetails(acronym, name, description, startDate, endDate, leadCity, participatingCities, 0,
                null, null, null, null, null);
    }
}
