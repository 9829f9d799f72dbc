package fi.ecosystem.web.projects;

import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defining an indicator: its code, name, unit, target and baseline, and where its actual value comes from. */
public class IndicatorForm {

    static final List<String> FEEDS = List.of("REPORTED", "PARTICIPANTS_REACHED", "EVENTS_HELD");
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
    private String feed = "REPORTED";

    @SuppressWarnings("unchecked")
    static IndicatorForm of(Map<String, Object> indicator) {
        IndicatorForm form = new IndicatorForm();
        form.code = (String) indicator.get("code");
        Map<String, String> name = indicator.get("name") instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
        form.nameFi = name.get("fi");
        form.nameSv = name.get("sv");
        form.nameEn = name.get("en");
        form.unit = (String) indicator.get("unit");
        form.target = indicator.get("target") instanceof Number n ? n.longValue() : null;
        form.baseline = indicator.get("baseline") instanceof Number n ? n.longValue() : null;
        form.feed = indicator.get("feed") == null ? "REPORTED" : String.valueOf(indicator.get("feed"));
        return form;
    }

    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Texts.localized(nameFi, nameSv, nameEn));
        body.put("unit", unit.trim());
        body.put("target", target);
        body.put("baseline", baseline == null ? 0 : baseline);
        body.put("feed", FEEDS.contains(feed) ? feed : "REPORTED");
        return body;
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
