package fi.ecosystem.web.projects;

import fi.ecosystem.projects.api.PartnerRole;
import fi.ecosystem.projects.api.ProjectRequest;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.Theme;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Planning or editing a project: its description, cities, themes, partners with their roles, funding sources
 * with amounts, contact persons and publications. Each list shows its rows and a few empty ones to add more; a
 * row left empty is dropped. The service's answer about a row ({@code partners[1].role}) comes back to the row
 * the user typed, also when empty rows before it were dropped.
 */
public class ProjectForm {

    /** Empty rows offered after the filled ones of each list. */
    static final int NEW_ROWS = 2;
    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^(partners|funding|contacts|publications)\\[(\\d+)](.*)$");

    @NotBlank
    @Size(max = 40)
    private String acronym;
    @NotBlank
    @Size(max = 300)
    private String nameFi;
    @Size(max = 300)
    private String nameSv;
    @Size(max = 300)
    private String nameEn;
    @Size(max = 10_000)
    private String descriptionFi;
    @Size(max = 10_000)
    private String descriptionSv;
    @Size(max = 10_000)
    private String descriptionEn;
    @NotBlank
    @Pattern(regexp = "(\\d{4}-\\d{2}-\\d{2})?")
    private String startDate;
    @Pattern(regexp = "(\\d{4}-\\d{2}-\\d{2})?")
    private String endDate;
    @NotBlank
    private String leadCity;
    @NotEmpty
    private List<String> participatingCities = new ArrayList<>();
    @Min(0)
    @Max(10_000_000_000L)
    private Long totalBudgetEur;
    private List<String> themes = new ArrayList<>();
    @Valid
    private List<PartnerRow> partners = new ArrayList<>();
    @Valid
    private List<FundingRow> funding = new ArrayList<>();
    @Valid
    private List<ContactRow> contacts = new ArrayList<>();
    @Valid
    private List<PublicationRow> publications = new ArrayList<>();

    /** Request index → form row, per list, from the last {@link #toRequest}. */
    private final Map<String, List<Integer>> sentRows = new HashMap<>();

    static ProjectForm of(ProjectResponse project) {
        ProjectForm form = new ProjectForm();
        form.acronym = project.acronym();
        form.nameFi = project.name() == null ? null : project.name().fi();
        form.nameSv = project.name() == null ? null : project.name().sv();
        form.nameEn = project.name() == null ? null : project.name().en();
        form.descriptionFi = project.description() == null ? null : project.description().fi();
        form.descriptionSv = project.description() == null ? null : project.description().sv();
        form.descriptionEn = project.description() == null ? null : project.description().en();
        form.startDate = project.startDate() == null ? null : project.startDate().toString();
        form.endDate = project.endDate() == null ? null : project.endDate().toString();
        form.leadCity = project.leadCity();
        form.participatingCities = new ArrayList<>(project.participatingCities());
        form.totalBudgetEur = project.totalBudgetEur();
        form.themes = project.themes().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        form.partners = rows(project.partners(), item -> new PartnerRow(item.organisation(), item.city(),
                item.role() == null ? null : item.role().name()));
        form.funding = rows(project.funding(), item -> new FundingRow(item.funder(), item.programme(), item.amountEur()));
        form.contacts = rows(project.contacts(), item -> new ContactRow(item.name(), item.role(), item.organisation(), item.email()));
        form.publications = rows(project.publications(), item -> new PublicationRow(item.title(), item.url()));
        return form;
    }

    /** Room for new rows below the filled ones. */
    ProjectForm withEmptyRows() {
        partners = padded(partners, PartnerRow::new);
        funding = padded(funding, FundingRow::new);
        contacts = padded(contacts, ContactRow::new);
        publications = padded(publications, PublicationRow::new);
        return this;
    }

    /** The whole project the service takes, from the rows that have something in them. */
    ProjectRequest toRequest() {
        return new ProjectRequest(acronym.trim(), new ProjectRequest.Text(Texts.trimmed(nameFi), Texts.trimmed(nameSv),
                Texts.trimmed(nameEn)), new ProjectRequest.LongText(Texts.trimmed(descriptionFi), Texts.trimmed(descriptionSv),
                        Texts.trimmed(descriptionEn)), Texts.date("startDate", startDate), Texts.date("endDate", endDate),
                leadCity.trim(), new LinkedHashSet<>(participatingCities), totalBudgetEur,
                filled("funding", funding, FundingRow::toRequest), filled("partners", partners, PartnerRow::toRequest),
                themes.stream().map(theme -> Texts.valueOf(Theme.class, theme)).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                filled("contacts", contacts, ContactRow::toRequest), filled("publications", publications, PublicationRow::toRequest));
    }

    /** The form's field for a field of the service's request ({@code name.fi} → {@code nameFi}, rows to the row typed). */
    String formField(String field) {
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            List<Integer> rows = sentRows.getOrDefault(row.group(1), List.of());
            int sent = Integer.parseInt(row.group(2));
            return sent < rows.size() ? row.group(1) + "[" + rows.get(sent) + "]" + row.group(3) : null;
        }
        return switch (field) {
            case "name.fi", "name" -> "nameFi";
            case "name.sv" -> "nameSv";
            case "name.en" -> "nameEn";
            case "description.fi" -> "descriptionFi";
            case "description.sv" -> "descriptionSv";
            case "description.en" -> "descriptionEn";
            default -> field.startsWith("participatingCities") ? "participatingCities" : field;
        };
    }

    /** The field a domain rule of the service is about (its {@code code}). */
    static final Map<String, String> FIELD_OF_RULE = Map.of(
            "lead-not-participating", "leadCity",
            "own-city-missing", "participatingCities",
            "lead-city-only", "participatingCities",
            "no-cities", "participatingCities",
            "period-invalid", "endDate",
            "funding-exceeds-budget", "totalBudgetEur",
            "name-missing", "nameFi");

    private <R extends Row, T> List<T> filled(String list, List<R> rows, Function<R, T> request) {
        List<T> sent = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            if (row != null && !row.isEmpty()) {
                sent.add(request.apply(row));
                indexes.add(i);
            }
        }
        sentRows.put(list, indexes);
        return sent;
    }

    private static <T, R> List<R> rows(List<T> items, Function<T, R> row) {
        return items.stream().map(row).collect(Collectors.toCollection(ArrayList::new));
    }

    private static <R extends Row> List<R> padded(List<R> rows, java.util.function.Supplier<R> empty) {
        List<R> padded = new ArrayList<>();
        rows.stream().filter(row -> row != null && !row.isEmpty()).forEach(padded::add);
        for (int i = 0; i < NEW_ROWS; i++) {
            padded.add(empty.get());
        }
        return padded;
    }

    /** A row of one of the form's lists. */
    interface Row {
        boolean isEmpty();
    }

    public static class PartnerRow implements Row {
        @Size(max = 200)
        private String organisation;
        private String city;
        private String role;

        public PartnerRow() {
        }

        PartnerRow(String organisation, String city, String role) {
            this.organisation = organisation;
            this.city = city;
            this.role = role;
        }

        @Override
        public boolean isEmpty() {
            return !Texts.filled(organisation) && !Texts.filled(city) && !Texts.filled(role);
        }

        ProjectRequest.Partner toRequest() {
            return new ProjectRequest.Partner(Texts.trimmed(organisation), Texts.trimmed(city), Texts.valueOf(PartnerRole.class, role));
        }

        public String getOrganisation() { return organisation; }
        public void setOrganisation(String organisation) { this.organisation = organisation; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
    }

    public static class FundingRow implements Row {
        @Size(max = 200)
        private String funder;
        @Size(max = 200)
        private String programme;
        @Min(0)
        @Max(10_000_000_000L)
        private Long amountEur;

        public FundingRow() {
        }

        FundingRow(String funder, String programme, Long amountEur) {
            this.funder = funder;
            this.programme = programme;
            this.amountEur = amountEur;
        }

        @Override
        public boolean isEmpty() {
            return !Texts.filled(funder) && !Texts.filled(programme) && amountEur == null;
        }

        ProjectRequest.Funding toRequest() {
            return new ProjectRequest.Funding(Texts.trimmed(funder), Texts.trimmed(programme), amountEur);
        }

        public String getFunder() { return funder; }
        public void setFunder(String funder) { this.funder = funder; }
        public String getProgramme() { return programme; }
        public void setProgramme(String programme) { this.programme = programme; }
        public Long getAmountEur() { return amountEur; }
        public void setAmountEur(Long amountEur) { this.amountEur = amountEur; }
    }

    public static class ContactRow implements Row {
        @Size(max = 200)
        private String name;
        @Size(max = 100)
        private String role;
        @Size(max = 200)
        private String organisation;
        @Email
        @Size(max = 254)
        private String email;

        public ContactRow() {
        }

        ContactRow(String name, String role, String organisation, String email) {
            this.name = name;
            this.role = role;
            this.organisation = organisation;
            this.email = email;
        }

        @Override
        public boolean isEmpty() {
            return !Texts.filled(name) && !Texts.filled(role) && !Texts.filled(organisation) && !Texts.filled(email);
        }

        ProjectRequest.Contact toRequest() {
            return new ProjectRequest.Contact(Texts.trimmed(name), Texts.trimmed(role), Texts.trimmed(organisation),
                    Texts.trimmed(email));
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getOrganisation() { return organisation; }
        public void setOrganisation(String organisation) { this.organisation = organisation; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    public static class PublicationRow implements Row {
        @Size(max = 300)
        private String title;
        @Size(max = 2000)
        @Pattern(regexp = "(https?://\\S+)?")
        private String url;

        public PublicationRow() {
        }

        PublicationRow(String title, String url) {
            this.title = title;
            this.url = url;
        }

        @Override
        public boolean isEmpty() {
            return !Texts.filled(title) && !Texts.filled(url);
        }

        ProjectRequest.Publication toRequest() {
            return new ProjectRequest.Publication(Texts.trimmed(title), Texts.trimmed(url));
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
    }

    public String getAcronym() { return acronym; }
    public void setAcronym(String acronym) { this.acronym = acronym; }
    public String getNameFi() { return nameFi; }
    public void setNameFi(String nameFi) { this.nameFi = nameFi; }
    public String getNameSv() { return nameSv; }
    public void setNameSv(String nameSv) { this.nameSv = nameSv; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDescriptionFi() { return descriptionFi; }
    public void setDescriptionFi(String descriptionFi) { this.descriptionFi = descriptionFi; }
    public String getDescriptionSv() { return descriptionSv; }
    public void setDescriptionSv(String descriptionSv) { this.descriptionSv = descriptionSv; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public String getLeadCity() { return leadCity; }
    public void setLeadCity(String leadCity) { this.leadCity = leadCity; }
    public List<String> getParticipatingCities() { return participatingCities; }
    public void setParticipatingCities(List<String> participatingCities) { this.participatingCities = participatingCities; }
    public Long getTotalBudgetEur() { return totalBudgetEur; }
    public void setTotalBudgetEur(Long totalBudgetEur) { this.totalBudgetEur = totalBudgetEur; }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> themes) { this.themes = themes; }
    public List<PartnerRow> getPartners() { return partners; }
    public void setPartners(List<PartnerRow> partners) { this.partners = partners; }
    public List<FundingRow> getFunding() { return funding; }
    public void setFunding(List<FundingRow> funding) { this.funding = funding; }
    public List<ContactRow> getContacts() { return contacts; }
    public void setContacts(List<ContactRow> contacts) { this.contacts = contacts; }
    public List<PublicationRow> getPublications() { return publications; }
    public void setPublications(List<PublicationRow> publications) { this.publications = publications; }
}
