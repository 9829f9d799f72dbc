package fi.ecosystem.projects.api;

import fi.ecosystem.contracts.LocalizedText;
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

/** The whole editable description of a project, for planning and for editing. */
public record ProjectRequest(
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

    /** A city's alias (its Keycloak organization). */
    public static final String CITY_ALIAS = "[a-z][a-z0-9-]{1,39}";

    /** A short text in fi/sv/en (a language left out falls back to another). */
    public record Text(@Size(max = 300) String fi, @Size(max = 300) String sv, @Size(max = 300) String en) {

        public LocalizedText localized() {
            return new LocalizedText(fi, sv, en);
        }
    }

    public record LongText(@Size(max = 10_000) String fi, @Size(max = 10_000) String sv, @Size(max = 10_000) String en) {

        public LocalizedText localized() {
            return new LocalizedText(fi, sv, en);
        }
    }

    public record Partner(@NotBlank @Size(max = 200) String organisation, @Pattern(regexp = CITY_ALIAS) String city,
            @NotNull PartnerRole role) {
    }

    /** The amount may be unknown (a seed document names the funder only). */
    public record Funding(@NotBlank @Size(max = 200) String funder, @Size(max = 200) String programme,
            @Min(0) @Max(10_000_000_000L) Long amountEur) {
    }

    public record Contact(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String role,
            @Size(max = 200) String organisation, @Email @Size(max = 254) String email) {
    }

    public record Publication(@NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String url) {
    }
}
