package fi.ecosystem.web.events;

import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    @Size(max = 200)
    private String organisation;
    /** whom participants ask: shown on the public pages and in the mails */
    @Size(max = 200)
    private String contactName;
    @Size(max = 254)
    @Email
    private String contactEmail;
    @Size(max = 40)
    private String contactPhone;
    @NotNull
    @Min(1)
    @Max(100_000)
    private Integer capacity;
    /** public registrations one client address may make; empty: no cap */
    @Min(1)
    @Max(100_000)
    private Integer maxRegistrationsPerAddress;
    /** a one-off event's time; a programme gives its sessions instead */
    @Pattern(regexp = DATE_TIME)
    private String startsAt;
    @Pattern(regexp = DATE_TIME)
    private String endsAt;
    @Valid
    private List<SessionRow> sessions = new ArrayList<>();
    @Min(1)
    private Integer sessionsToComplete;
    @Valid
    private List<QuestionRow> questions = new ArrayList<>();
    @Pattern(regexp = DATE_TIME)
    private String registrationOpensAt;
    @Pattern(regexp = DATE_TIME)
    private String registrationClosesAt;
    /** a test or internal meeting: funder reports do not count it */
    private boolean excludedFromReports;
    /** whether registrants give their organisation and business ID */
    @Pattern(regexp = "NOT_ASKED|OPTIONAL|REQUIRED")
    private String businessIdAsked = "NOT_ASKED";

    /** Rows to fill in for new sessions and questions (the form has no script to add rows). */
    EventForm withEmptyRows() {
        sessions.removeIf(SessionRow::isEmpty);
        questions.removeIf(QuestionRow::isEmpty);
        for (int i = 0; i < 2; i++) {
            sessions.add(new SessionRow());
            questions.add(new QuestionRow());
        }
        return this;
    }

    /** Rules between fields, said next to the later field, where the mistake is. */
    void check(Errors errors) {
        boolean programme = sessions.stream().anyMatch(row -> !row.isEmpty());
        if (!programme && SessionRow.blank(startsAt)) {
            errors.rejectValue("startsAt", "event.startOrSessions");
        }
        for (int i = 0; i < sessions.size(); i++) {
            SessionRow row = sessions.get(i);
            if (!row.isEmpty() && SessionRow.blank(row.getStartsAt()) && !errors.hasFieldErrors("sessions[" + i + "].startsAt")) {
                errors.rejectValue("sessions[" + i + "].startsAt", "NotBlank");
            }
        }
        for (int i = 0; i < questions.size(); i++) {
            QuestionRow row = questions.get(i);
            if (!row.isEmpty() && SessionRow.blank(row.getKind())) {
                errors.rejectValue("questions[" + i + "].kind", "NotBlank");
            }
            if (!row.isEmpty() && SessionRow.blank(row.getLabelFi()) && SessionRow.blank(row.getLabelSv())
                    && SessionRow.blank(row.getLabelEn())) {
                errors.rejectValue("questions[" + i + "].labelFi", "NotBlank");
            }
        }
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
        form.organisation = (String) event.get("organisation");
        Map<?, ?> contact = event.get("contact") instanceof Map<?, ?> map ? map : Map.of();
        form.contactName = (String) contact.get("name");
        form.contactEmail = (String) contact.get("email");
        form.contactPhone = (String) contact.get("phone");
        form.capacity = event.get("capacity") instanceof Number number ? number.intValue() : null;
        form.maxRegistrationsPerAddress = event.get("maxRegistrationsPerAddress") instanceof Number cap ? cap.intValue() : null;
        form.excludedFromReports = Boolean.TRUE.equals(event.get("excludedFromReports"));
        form.businessIdAsked = event.get("businessIdAsked") instanceof String asked ? asked : "NOT_ASKED";
        List<Map<?, ?>> sessions = maps(event.get("sessions"));
        boolean oneOff = sessions.size() <= 1 && (sessions.isEmpty() || "main".equals(sessions.get(0).get("id")));
        if (oneOff) {
            form.startsAt = fmt.input(event.get("startsAt"));
            form.endsAt = fmt.input(event.get("endsAt"));
        } else {
            for (Map<?, ?> session : sessions) {
                SessionRow row = new SessionRow();
                row.setId((String) session.get("id"));
                Map<?, ?> sessionTitle = session.get("title") instanceof Map<?, ?> map ? map : Map.of();
                row.setTitleFi((String) sessionTitle.get("fi"));
                row.setTitleSv((String) sessionTitle.get("sv"));
                row.setTitleEn((String) sessionTitle.get("en"));
                row.setStartsAt(fmt.input(session.get("startsAt")));
                row.setEndsAt(fmt.input(session.get("endsAt")));
                form.sessions.add(row);
            }
            form.sessionsToComplete = event.get("sessionsToComplete") instanceof Number number && number.intValue() > 0
                    ? number.intValue() : null;
        }
        for (Map<?, ?> question : maps(event.get("questions"))) {
            QuestionRow row = new QuestionRow();
            row.setId((String) question.get("id"));
            row.setKind((String) question.get("kind"));
            Map<?, ?> label = question.get("label") instanceof Map<?, ?> map ? map : Map.of();
            row.setLabelFi((String) label.get("fi"));
            row.setLabelSv((String) label.get("sv"));
            row.setLabelEn((String) label.get("en"));
            row.setRequired(Boolean.TRUE.equals(question.get("required")));
            List<String> lines = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Map<?, ?> option : maps(question.get("options"))) {
                Map<?, ?> optionLabel = option.get("label") instanceof Map<?, ?> map ? map : Map.of();
                lines.add(String.join(" | ", text(optionLabel.get("fi")), text(optionLabel.get("sv")), text(optionLabel.get("en"))));
                ids.add(String.valueOf(option.get("id")));
            }
            row.setOptions(String.join("\n", lines));
            row.setOptionIds(String.join(",", ids));
            row.setPolicyUrl((String) question.get("policyUrl"));
            row.setPolicyVersion((String) question.get("policyVersion"));
            row.setConsentPurpose((String) question.get("consentPurpose"));
            form.questions.add(row);
        }
        form.registrationOpensAt = fmt.input(event.get("registrationOpensAt"));
        form.registrationClosesAt = fmt.input(event.get("registrationClosesAt"));
        return form;
    }

    /** The events service's request: the whole event, for creating and for editing (PUT). */
    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", projectId);
        body.put("type", type);
        body.put("title", Texts.localized(titleFi, titleSv, titleEn));
        if (Texts.filled(descriptionFi) || Texts.filled(descriptionSv) || Texts.filled(descriptionEn)) {
            body.put("description", Texts.localized(descriptionFi, descriptionSv, descriptionEn));
        }
        body.put("organisation", Texts.trimmed(organisation));
        body.put("venue", Texts.trimmed(venue));
        body.put("onlineUrl", Texts.trimmed(onlineUrl));
        if (Texts.filled(contactName) || Texts.filled(contactEmail) || Texts.filled(contactPhone)) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", Texts.trimmed(contactName));
            contact.put("email", Texts.trimmed(contactEmail));
            contact.put("phone", Texts.trimmed(contactPhone));
            body.put("contact", contact);
        }
        body.put("capacity", capacity);
        body.put("maxRegistrationsPerAddress", maxRegistrationsPerAddress);
        body.put("excludedFromReports", excludedFromReports);
        body.put("businessIdAsked", Texts.filled(businessIdAsked) ? businessIdAsked : "NOT_ASKED");
        List<Map<String, Object>> given = new ArrayList<>();
        for (SessionRow row : sessions) {
            if (!row.isEmpty()) {
                Map<String, Object> session = new LinkedHashMap<>();
                session.put("id", Texts.trimmed(row.getId()));
                session.put("title", Texts.localized(row.getTitleFi(), row.getTitleSv(), row.getTitleEn()));
                session.put("startsAt", Formats.instant(row.getStartsAt()));
                session.put("endsAt", Formats.instant(row.getEndsAt()));
                given.add(session);
            }
        }
        if (given.isEmpty()) {
            body.put("startsAt", Formats.instant(startsAt));
            body.put("endsAt", Formats.instant(endsAt));
        } else {
            body.put("sessions", given);
            body.put("sessionsToComplete", sessionsToComplete);
        }
        List<Map<String, Object>> asked = new ArrayList<>();
        for (QuestionRow row : questions) {
            if (!row.isEmpty()) {
                Map<String, Object> question = new LinkedHashMap<>();
                question.put("id", Texts.trimmed(row.getId()));
                question.put("kind", row.getKind());
                question.put("label", Texts.localized(row.getLabelFi(), row.getLabelSv(), row.getLabelEn()));
                question.put("required", row.isRequired());
                if ("CHOICE".equals(row.getKind())) {
                    question.put("options", options(row));
                }
                if ("CONSENT".equals(row.getKind())) {
                    question.put("policyUrl", Texts.trimmed(row.getPolicyUrl()));
                    question.put("policyVersion", Texts.trimmed(row.getPolicyVersion()));
                    question.put("consentPurpose", Texts.trimmed(row.getConsentPurpose()));
                }
                asked.add(question);
            }
        }
        body.put("questions", asked);
        body.put("registrationOpensAt", Formats.instant(registrationOpensAt));
        body.put("registrationClosesAt", Formats.instant(registrationClosesAt));
        return body;
    }

    /** "fi | sv | en" per line; the ids of the options as they were, by position. */
    private static List<Map<String, Object>> options(QuestionRow row) {
        List<String> ids = row.getOptionIds() == null || row.getOptionIds().isBlank() ? List.of()
                : List.of(row.getOptionIds().split(","));
        List<Map<String, Object>> options = new ArrayList<>();
        String[] lines = row.getOptions() == null ? new String[0] : row.getOptions().split("\\R");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("id", options.size() < ids.size() ? ids.get(options.size()).trim() : null);
            option.put("label", Texts.localized(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null));
            options.add(option);
        }
        return options;
    }

    private static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof Map<?, ?> map) {
                    maps.add(map);
                }
            });
        }
        return maps;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
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
            case "contact.name", "contact" -> "contactName";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            default -> serviceField(field);
        };
    }

    /** sessions[0].title.fi → sessions[0].titleFi, questions[1].label → questions[1].labelFi, questions[1].options[0].id → questions[1].options */
    static String serviceField(String field) {
        String mapped = field.replaceFirst("^(questions\\[\\d+])\\.options.*$", "$1.options");
        for (String text : List.of("title", "label")) {
            for (String language : List.of("fi", "sv", "en")) {
                String suffix = "." + text + "." + language;
                if (mapped.endsWith(suffix)) {
                    return mapped.substring(0, mapped.length() - suffix.length()) + "." + text
                            + Character.toUpperCase(language.charAt(0)) + language.substring(1);
                }
            }
            if (mapped.endsWith("." + text)) {
                return mapped + "Fi";
            }
        }
        return mapped;
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
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public List<SessionRow> getSessions() { return sessions; }
    public void setSessions(List<SessionRow> sessions) { this.sessions = sessions; }
    public Integer getSessionsToComplete() { return sessionsToComplete; }
    public void setSessionsToComplete(Integer sessionsToComplete) { this.sessionsToComplete = sessionsToComplete; }
    public List<QuestionRow> getQuestions() { return questions; }
    public void setQuestions(List<QuestionRow> questions) { this.questions = questions; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public Integer getCapacity() { return capacity; }
    public boolean isExcludedFromReports() { return excludedFromReports; }
    public void setExcludedFromReports(boolean excludedFromReports) { this.excludedFromReports = excludedFromReports; }
    public String getBusinessIdAsked() { return businessIdAsked; }
    public void setBusinessIdAsked(String businessIdAsked) { this.businessIdAsked = businessIdAsked; }
    public Integer getMaxRegistrationsPerAddress() { return maxRegistrationsPerAddress; }
    public void setMaxRegistrationsPerAddress(Integer maxRegistrationsPerAddress) { this.maxRegistrationsPerAddress = maxRegistrationsPerAddress; }
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
