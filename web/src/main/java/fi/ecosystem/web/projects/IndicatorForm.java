package fi.ecosystem.web.projects;

import fi.ecosystem.projects.api.IndicatorFeed;
import fi.ecosystem.projects.api.IndicatorRequest;
import fi.ecosystem.projects.api.ProjectRequest;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Defining an indicator: its code, name, unit, target and baseline, and where its actual value comes from. */
public class IndicatorForm {

    /** Units with a text in every language; a project may type another one. */
    static final List<String> UNITS = List.of("pcs", "persons", "companies", "eur", "percent");

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}")
    private String code;
    @Size(max = 300)
    private String nameFi;
    @Size(max = 300)
    private String nameSv;
    @Size(max = 300)
    private String nameEn;
    @NotBlank
    @Size(max = 40)
    private String unit;
    @NotNull
    @Min(0)
    @Max(1_000_000_000_000L)
    private Long target;
    @Min(0)
    @Max(1_000_000_000_000L)
    private Long baseline;
    private String feed = IndicatorFeed.REPORTED.name();

    static IndicatorForm of(ProjectResponse.Indicator indicator) {
        IndicatorForm form = new IndicatorForm();
        form.code = indicator.code();
        if (indicator.name() != null) {
            form.nameFi = indicator.name().fi();
            form.nameSv = indicator.name().sv();
            form.nameEn = indicator.name().en();
        }
        form.unit = indicator.unit();
        form.target = indicator.target();
        form.baseline = indicator.baseline();
        form.feed = indicator.feed().name();
        return form;
    }

    IndicatorRequest toRequest() {
        IndicatorFeed chosen = Texts.valueOf(IndicatorFeed.class, feed);
        return new IndicatorRequest(new ProjectRequest.Text(Texts.trimmed(nameFi), Texts.trimmed(nameSv), Texts.trimmed(nameEn)),
                unit.trim(), target, baseline == null ? 0 : baseline, chosen == null ? IndicatorFeed.REPORTED : chosen);
    }

    static String formField(String field) {
        return switch (field) {
            case "name", "name.fi" -> "nameFi";
            case "name.sv" -> "nameSv";
            case "name.en" -> "nameEn";
            default -> field;
        };
    }

    boolean hasName() {
        return Texts.filled(nameFi) || Texts.filled(nameSv) || Texts.filled(nameEn);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameFi() { return nameFi; }
    public void setNameFi(String nameFi) { this.nameFi = nameFi; }
    public String getNameSv() { return nameSv; }
    public void setNameSv(String nameSv) { this.nameSv = nameSv; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public Long getTarget() { return target; }
    public void setTarget(Long target) { this.target = target; }
    public Long getBaseline() { return baseline; }
    public void setBaseline(Long baseline) { this.baseline = baseline; }
    public String getFeed() { return feed; }
    public void setFeed(String feed) { this.feed = feed; }
}
