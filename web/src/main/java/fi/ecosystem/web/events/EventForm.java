package fi.ecosystem.web.events;

import fi.ecosystem.web.support.Formats;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.Errors;

/** Creating or editing an event: texts in three languages, times as Helsinki wall-clock time. */
public class EventForm {

    static final String DATE_TIME = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?";

    @NotBlank
    private String projectId;
    @NotBlank
    private String type;
    @NotBlank
    @Size(max = 300)
    private String titleFi;
    @Size(max = 300)
    private String titleSv;
    @Size(max = 300)
    private String titleEn;
    @Size(max = 10_000)
    private String descriptionFi;
    @Size(max = 10_000)
    private String descriptionSv;
    @Size(max = 10_000)
    private String descriptionEn;
    @Size(max = 300)
    private String venue;
    @Size(max = 2000)
    @Pattern(regexp = "(https?://\\S+)?")
    private String onlineUrl;
    @NotNull
    @Min(1)
    @Max(100_000)
    private Integer capacity;
    @NotBlank
    @Pattern(regexp = DATE_TIME)
    private String startsAt;
    @NotBlank
    @Pattern(regexp = DATE_TIME)
    private String endsAt;
    @Pattern(regexp = DATE_TIME)
    private String registrationOpensAt;
    @Pattern(regexp = DATE_TIME)
    private String registrationClosesAt;

    /** Rules between fields, said next to the later field, where the mistake is. */
    void check(Errors errors) {
        Instant start = Formats.instant(startsAt);
        Instant end = Formats.instant(endsAt);
        if (start != null && end != null && !end.isAfter(start) && !errors.hasFieldErrors("endsAt")) {
            errors.rejectValue("endsAt", "event.endsBeforeStart");
        }
        Instant opens = Formats.instant(registrationOpensAt);
        Instant closes = Formats.instant(registrationClosesAt);
        if (opens != null && closes != null && !closes.isAfter(opens) && !errors.hasFieldErrors("registrationClosesAt")) {
            errors.rejectValue("registrationClosesAt", "event.closesBeforeOpens");
        }
    }

    static EventForm of(Map<String, Object> event, Formats fmt) {
        EventForm form = new EventForm();
        form.projectId = (String) event.get("projectId");
        form.type = (String) event.get("type");
        Map<?, ?> title = event.get("title") instanceof Map<?, ?> map ? map : Map.of();
        form.titleFi = (String) title.get("fi");
        form.titleSv = (String) title.get("sv");
        form.titleEn = (String) title.get("en");
        Map<?, ?> description = event.get("description") instanceof Map<?, ?> map ? map : Map.of();
        form.descriptionFi = (String) description.get("fi");
        form.descriptionSv = (String) description.get("sv");
        form.descriptionEn = (String) description.get("en");
        form.venue = (String) event.get("venue");
        form.onlineUrl = (String) event.get("onlineUrl");
        form.capacity = event.get("capacity") instanceof Number number ? number.intValue() : null;
        form.startsAt = fmt.input(event.get("startsAt"));
        form.endsAt = fmt.input(event.get("endsAt"));
        form.registrationOpensAt = fmt.input(event.get("registrationOpensAt"));
        form.registrationClosesAt = fmt.input(event.get("registrationClosesAt"));
        return form;
    }

    /** The events service's request; the newer fields only when filled in, so an older service still accepts it. */
    Map<String, Object> toRequest(boolean withProject) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (withProject) {
            body.put("projectId", projectId);
        }
        body.put("type", type);
        body.put("title", texts(titleFi, titleSv, titleEn));
        body.put("capacity", capacity);
        body.put("startsAt", Formats.instant(startsAt));
        body.put("endsAt", Formats.instant(endsAt));
        body.put("registrationOpensAt", Formats.instant(registrationOpensAt));
        body.put("registrationClosesAt", Formats.instant(registrationClosesAt));
        if (filled(descriptionFi) || filled(descriptionSv) || filled(descriptionEn)) {
            body.put("description", texts(descriptionFi, descriptionSv, descriptionEn));
        }
        if (filled(venue)) {
            body.put("venue", venue.trim());
        }
        if (filled(onlineUrl)) {
            body.put("onlineUrl", onlineUrl.trim());
        }
        return body;
    }

    /** The form's field for a field the service named. */
    static String formField(String field) {
        return switch (field) {
            case "title.fi", "title" -> "titleFi";
            case "title.sv" -> "titleSv";
            case "title.en" -> "titleEn";
            case "description.fi", "description" -> "descriptionFi";
            case "description.sv" -> "descriptionSv";
            case "description.en" -> "descriptionEn";
            default -> field;
        };
    }

    private static Map<String, String> texts(String fi, String sv, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("fi", blankToNull(fi));
        texts.put("sv", blankToNull(sv));
        texts.put("en", blankToNull(en));
        return texts;
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return filled(value) ? value.trim() : null;
    }

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTitleFi() { return titleFi; }
    public void setTitleFi(String titleFi) { this.titleFi = titleFi; }
    public String getTitleSv() { return titleSv; }
    public void setTitleSv(String titleSv) { this.titleSv = titleSv; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getDescriptionFi() { return descriptionFi; }
    public void setDescriptionFi(String descriptionFi) { this.descriptionFi = descriptionFi; }
    public String getDescriptionSv() { return descriptionSv; }
    public void setDescriptionSv(String descriptionSv) { this.descriptionSv = descriptionSv; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String startsAt) { this.startsAt = startsAt; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String endsAt) { this.endsAt = endsAt; }
    public String getRegistrationOpensAt() { return registrationOpensAt; }
    public void setRegistrationOpensAt(String registrationOpensAt) { this.registrationOpensAt = registrationOpensAt; }
    public String getRegistrationClosesAt() { return registrationClosesAt; }
    public void setRegistrationClosesAt(String registrationClosesAt) { this.registrationClosesAt = registrationClosesAt; }
}
