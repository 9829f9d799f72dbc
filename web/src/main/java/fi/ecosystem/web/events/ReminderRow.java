package fi.ecosystem.web.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** One of the organisers' reminders on the event form: hours before each session, extra text; an empty row is none. */
public class ReminderRow {

    private String id;
    @Min(1)
    @Max(336)
    private Integer hoursBefore;
    @Size(max = 1000)
    private String textFi;
    @Size(max = 1000)
    private String textSv;
    @Size(max = 1000)
    private String textEn;

    boolean isEmpty() {
        return hoursBefore == null && SessionRow.blank(textFi) && SessionRow.blank(textSv) && SessionRow.blank(textEn);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Integer getHoursBefore() { return hoursBefore; }
    public void setHoursBefore(Integer hoursBefore) { this.hoursBefore = hoursBefore; }
    public String getTextFi() { return textFi; }
    public void setTextFi(String textFi) { this.textFi = textFi; }
    public String getTextSv() { return textSv; }
    public void setTextSv(String textSv) { this.textSv = textSv; }
    public String getTextEn() { return textEn; }
    public void setTextEn(String textEn) { this.textEn = textEn; }
}
