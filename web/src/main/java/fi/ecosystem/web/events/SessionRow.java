package fi.ecosystem.web.events;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One session of a programme on the event form; a row left empty is no session. */
public class SessionRow {

    private String id;
    @Size(max = 300)
    private String titleFi;
    @Size(max = 300)
    private String titleSv;
    @Size(max = 300)
    private String titleEn;
    @Pattern(regexp = EventForm.DATE_TIME)
    private String startsAt;
    @Pattern(regexp = EventForm.DATE_TIME)
    private String endsAt;

    boolean isEmpty() {
        return blank(titleFi) && blank(titleSv) && blank(titleEn) && blank(startsAt) && blank(endsAt);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTitleFi() { return titleFi; }
    public void setTitleFi(String titleFi) { this.titleFi = titleFi; }
    public String getTitleSv() { return titleSv; }
    public void setTitleSv(String titleSv) { this.titleSv = titleSv; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String startsAt) { this.startsAt = startsAt; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String endsAt) { this.endsAt = endsAt; }
}
