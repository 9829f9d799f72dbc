package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.project.PartnerRole;
import fi.ecosystem.projects.project.ProjectDetails;
import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
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

        LocalizedText toText() {
            return new LocalizedText(fi, sv, en);
        }
    }

    record LongText(
            @Size(max = 10_000) String fi,
            @Size(max = 10_000) String sv,
            @Size(max = 10_000) String en) {

        LocalizedText toText() {
            return new LocalizedText(fi, sv, en);
        }
    }

    record Partner(@NotBlank @Size(max = 200) String organisation, @Pattern(regexp = CITY_ALIAS) String city,
            @NotNull PartnerRole role) {
    }

    /** The amount may be unknown (a seed document names the funder only), as the project itself allows. */
    record Funding(@NotBlank @Size(max = 200) String funder, @Size(max = 200) String programme,
            @Min(0) @Max(10_000_000_000L) Long amountEur) {
    }

    record Contact(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String role,
            @Size(max = 200) String organisation, @Email @Size(max = 254) String email) {
    }

    record Publication(@NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String url) {
    }

    /** The whole editable description of a project, for planning and for editing. */
    record ProjectBody(
            @NotBlank @Size(max = 40) String acronym,
            @NotNull @Valid Text name,
            @Valid LongText description,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @NotBlank @Pattern(regexp = CITY_ALIAS) String leadCity,
            @NotEmpty @Size(max = 400) Set<@NotBlank @Pattern(regexp = CITY_ALIAS) String> participatingCities,
            @Min(0) @Max(10_000_000_000L) Long totalBudgetEur,
            @Size(max = 50) List<@Valid Funding> funding,
            @Size(max = 200) List<@Valid Partner> partners,
            @Size(max = 20) Set<Theme> themes,
            @Size(max = 100) List<@Valid Contact> contacts,
            @Size(max = 100) List<@Valid Publication> publications) {

        ProjectDetails toDetails() {
            return new ProjectDetails(acronym, name.toText(), description == null ? null : description.toText(), startDate,
                    endDate, leadCity, participatingCities, totalBudgetEur == null ? 0 : totalBudgetEur,
                    funding == null ? null : funding.stream().map(f -> new ProjectParts.Funding(f.funder(), f.programme(), f.amountEur())).toList(),
                    partners == null ? null : partners.stream().map(p -> new ProjectParts.Partner(p.organisation(), p.city(), p.role())).toList(),
                    themes,
                    contacts == null ? null : contacts.stream().map(c -> new ProjectParts.ProjectContact(c.name(), c.role(), c.organisation(), c.email())).toList(),
                    publications == null ? null : publications.stream().map(p -> new ProjectParts.Publication(p.title(), p.url())).toList());
        }
    }

    record ChangeStatus(@NotNull ProjectStatus status) {
    }

    record Continuation(@NotBlank @Size(max = 100) String successorId) {
    }

    record Deliverable(@NotBlank @Size(max = 300) String title, LocalDate dueDate,
            ProjectParts.DeliverableStatus status) {
    }

    record WorkPackage(@NotNull @Valid Text title, @Size(max = 200) String responsiblePartner, @Valid LongText description,
            @Size(max = 100) List<@Valid Deliverable> deliverables) {

        ProjectParts.WorkPackage toWorkPackage(int number) {
            return new ProjectParts.WorkPackage(number, title.toText(), responsiblePartner,
                    description == null ? null : description.toText(),
                    deliverables == null ? null : deliverables.stream().map(d -> new ProjectParts.Deliverable(d.title(),
                            d.dueDate(), d.status() == null ? ProjectParts.DeliverableStatus.PLANNED : d.status())).toList());
        }
    }

    record Indicator(@NotNull @Valid Text name, @NotBlank @Size(max = 40) String unit, @NotNull @Min(0) Long target,
            @Min(0) Long baseline, ProjectParts.IndicatorFeed feed) {
    }

    /** A period is a year, a half, a quarter or a month: 2024, 2024-H1, 2024-Q3, 2024-05. */
    record Report(@NotBlank @Pattern(regexp = "\\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?") String period,
            @NotNull @Min(0) Long value) {
    }
}
