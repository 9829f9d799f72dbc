package fi.ecosystem.web.projects;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** An indicator's cumulative value at the end of a period (a year, half, quarter or month). */
public class ReportForm {

    @NotBlank
    @Pattern(regexp = "\\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?")
    private String period;
    @NotNull
    @Min(0)
    private Long value;

    Map<String, Object> toRequest() {
        return Map.of("period", period.trim(), "value", value);
    }

    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public Long getValue() { return value; }
    public void setValue(Long value) { this.value = value; }
}
