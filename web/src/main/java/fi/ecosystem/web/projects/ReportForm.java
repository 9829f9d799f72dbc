package fi.ecosystem.web.projects;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import fi.ecosystem.projects.api.ReportRequest;

/** An indicator's cumulative value at the end of a period (a year, half, quarter or month). */
public class ReportForm {

    @NotBlank
    @Pattern(regexp = ReportRequest.PERIOD)
    private String period;
    @NotNull
    @Min(0)
    private Long value;

    ReportRequest toRequest() {
        return new ReportRequest(period.trim(), value);
    }

    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public Long getValue() { return value; }
    public void setValue(Long value) { this.value = value; }
}
