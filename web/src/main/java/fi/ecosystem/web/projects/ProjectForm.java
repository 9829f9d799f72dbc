package fi.ecosystem.web.projects;

import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Planning or editing a project's description. Partners, funding, contacts and publications the form
 * does not show are sent back as they were, so an edit never drops them.
 */
public class ProjectForm {

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
    @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
    private String leadCity;
    /** city aliases separated by commas or spaces */
    @NotBlank
    @Pattern(regexp = "[a-z0-9, -]*")
    private String participatingCities;
    @Min(0)
    private Long totalBudgetEur;
    private List<String> themes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    static ProjectForm of(Map<String, Object> project) {
        ProjectForm form = new ProjectForm();
        form.acronym = (String) project.get("acronym");
        Map<String, String> name = project.get("name") instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
        form.nameFi = name.get("fi");
        form.nameSv = name.get("sv");
        form.nameEn = name.get("en");
        Map<String, String> description = project.get("description") instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
        form.descriptionFi = description.get("fi");
        form.descriptionSv = description.get("sv");
        form.descriptionEn = description.get("en");
        form.startDate = (String) project.get("startDate");
        form.endDate = (String) project.get("endDate");
        form.leadCity = (String) project.get("leadCity");
        form.participatingCities = project.get("participatingCities") instanceof List<?> cities
                ? String.join(", ", (List<String>) cities) : "";
        form.totalBudgetEur = project.get("totalBudgetEur") instanceof Number number ? number.longValue() : null;
        form.themes = project.get("themes") instanceof List<?> themes ? new ArrayList<>((List<String>) themes) : new ArrayList<>();
        return form;
    }

    /** The whole ProjectBody; what the form does not edit is taken from the project as it was. */
    Map<String, Object> toRequest(Map<String, Object> existing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("acronym", acronym.trim());
        body.put("name", Texts.localized(nameFi, nameSv, nameEn));
        body.put("description", Texts.localized(descriptionFi, descriptionSv, descriptionEn));
        body.put("startDate", Texts.trimmed(startDate));
        body.put("endDate", Texts.trimmed(endDate));
        body.put("leadCity", leadCity.trim());
        body.put("participatingCities", cities());
        body.put("totalBudgetEur", totalBudgetEur);
        body.put("themes", themes);
        for (String kept : List.of("funding", "partners", "contacts", "publications")) {
            body.put(kept, existing == null ? List.of() : existing.getOrDefault(kept, List.of()));
        }
        return body;
    }

    Set<String> cities() {
        Set<String> cities = new LinkedHashSet<>();
        Arrays.stream((participatingCities == null ? "" : participatingCities).split("[,\\s]+"))
                .filter(city -> !city.isBlank()).forEach(cities::add);
        return cities;
    }

    static String formField(String field) {
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
    public String getParticipatingCities() { return participatingCities; }
    public void setParticipatingCities(String participatingCities) { this.participatingCities = participatingCities; }
    public Long getTotalBudgetEur() { return totalBudgetEur; }
    public void setTotalBudgetEur(Long totalBudgetEur) { this.totalBudgetEur = totalBudgetEur; }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> themes) { this.themes = themes; }
}
