package fi.ecosystem.web.events;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.api.BusinessIdAsked;
import fi.ecosystem.events.api.EventRequest;
import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.api.EventType;
import fi.ecosystem.events.api.QuestionKind;
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
    /** a freed place is offered to the first waiting for this many hours; empty: promoted at once */
    @Min(1)
    @Max(336)
    private Integer offerHours;
    @Valid
    private List<ReminderRow> reminders = new ArrayList<>();

    /** Rows to fill in for new sessions and questions (the form has no script to add rows). */
    EventForm withEmptyRows() {
        sessions.removeIf(SessionRow::isEmpty);
        questions.removeIf(QuestionRow::isEmpty);
        reminders.removeIf(ReminderRow::isEmpty);
        for (int i = 0; i < 2; i++) {
            sessions.add(new SessionRow());
            questions.add(new QuestionRow());
            reminders.add(new ReminderRow());
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
        for (int i = 0; i < reminders.size(); i++) {
            ReminderRow row = reminders.get(i);
            if (!row.isEmpty() && row.getHoursBefore() == null && !errors.hasFieldErrors("reminders[" + i + "].hoursBefore")) {
                errors.rejectValue("reminders[" + i + "].hoursBefore", "NotNull");
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

    /** The form filled from the event as the service answers it. */
    static EventForm of(EventResponse event, Formats fmt) {
        EventForm form = new EventForm();
        form.projectId = event.projectId();
        form.type = event.type() == null ? null : event.type().name();
        LocalizedText title = orEmpty(event.title());
        form.titleFi = title.fi();
        form.titleSv = title.sv();
        form.titleEn = title.en();
        LocalizedText description = orEmpty(event.description());
        form.descriptionFi = description.fi();
        form.descriptionSv = description.sv();
        form.descriptionEn = description.en();
        form.venue = event.venue();
        form.onlineUrl = event.onlineUrl();
        form.organisation = event.organisation();
        if (event.contact() != null) {
            form.contactName = event.contact().name();
            form.contactEmail = event.contact().email();
            form.contactPhone = event.contact().phone();
        }
        form.capacity = event.capacity();
        form.maxRegistrationsPerAddress = event.maxRegistrationsPerAddress();
        form.excludedFromReports = Boolean.TRUE.equals(event.excludedFromReports());
        form.businessIdAsked = event.businessIdAsked() == null ? BusinessIdAsked.NOT_ASKED.name() : event.businessIdAsked().name();
        List<EventResponse.SessionResponse> sessions = event.sessions();
        boolean oneOff = sessions.size() <= 1 && (sessions.isEmpty() || "main".equals(sessions.get(0).id()));
        if (oneOff) {
            form.startsAt = fmt.input(event.startsAt());
            form.endsAt = fmt.input(event.endsAt());
        } else {
            for (EventResponse.SessionResponse session : sessions) {
                SessionRow row = new SessionRow();
                row.setId(session.id());
                LocalizedText sessionTitle = orEmpty(session.title());
                row.setTitleFi(sessionTitle.fi());
                row.setTitleSv(sessionTitle.sv());
                row.setTitleEn(sessionTitle.en());
                row.setStartsAt(fmt.input(session.startsAt()));
                row.setEndsAt(fmt.input(session.endsAt()));
                form.sessions.add(row);
            }
            form.sessionsToComplete = event.sessionsToComplete() > 0 ? event.sessionsToComplete() : null;
        }
        for (EventResponse.QuestionResponse question : event.questions()) {
            QuestionRow row = new QuestionRow();
            row.setId(question.id());
            row.setKind(question.kind() == null ? null : question.kind().name());
            LocalizedText label = orEmpty(question.label());
            row.setLabelFi(label.fi());
            row.setLabelSv(label.sv());
            row.setLabelEn(label.en());
            row.setRequired(question.required());
            List<String> lines = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (EventResponse.Choice option : question.options()) {
                LocalizedText optionLabel = orEmpty(option.label());
                lines.add(String.join(" | ", text(optionLabel.fi()), text(optionLabel.sv()), text(optionLabel.en())));
                ids.add(String.valueOf(option.id()));
            }
            row.setOptions(String.join("\n", lines));
            row.setOptionIds(String.join(",", ids));
            row.setPolicyUrl(question.policyUrl());
            row.setPolicyVersion(question.policyVersion());
            row.setConsentPurpose(question.consentPurpose());
            form.questions.add(row);
        }
        form.registrationOpensAt = fmt.input(event.registrationOpensAt());
        form.registrationClosesAt = fmt.input(event.registrationClosesAt());
        form.offerHours = event.offerHours();
        for (EventResponse.ReminderResponse reminder : event.reminders()) {
            ReminderRow row = new ReminderRow();
            row.setId(reminder.id());
            row.setHoursBefore(reminder.hoursBefore());
            LocalizedText text = orEmpty(reminder.text());
            row.setTextFi(text.fi());
            row.setTextSv(text.sv());
            row.setTextEn(text.en());
            form.reminders.add(row);
        }
        return form;
    }

    /** The events service's request: the whole event, for creating and for editing (PUT). */
    EventRequest toRequest() {
        List<EventRequest.SessionRequest> given = sessions.stream().filter(row -> !row.isEmpty())
                .map(row -> new EventRequest.SessionRequest(Texts.trimmed(row.getId()),
                        text(row.getTitleFi(), row.getTitleSv(), row.getTitleEn()),
                        Formats.instant(row.getStartsAt()), Formats.instant(row.getEndsAt())))
                .toList();
        List<EventRequest.QuestionRequest> asked = questions.stream().filter(row -> !row.isEmpty()).map(row -> {
            QuestionKind kind = named(QuestionKind.class, row.getKind());
            boolean consent = kind == QuestionKind.CONSENT;
            return new EventRequest.QuestionRequest(Texts.trimmed(row.getId()), kind,
                    text(row.getLabelFi(), row.getLabelSv(), row.getLabelEn()), row.isRequired(),
                    kind == QuestionKind.CHOICE ? options(row) : null,
                    consent ? Texts.trimmed(row.getPolicyUrl()) : null, consent ? Texts.trimmed(row.getPolicyVersion()) : null,
                    consent ? Texts.trimmed(row.getConsentPurpose()) : null);
        }).toList();
        boolean described = Texts.filled(descriptionFi) || Texts.filled(descriptionSv) || Texts.filled(descriptionEn);
        boolean contacted = Texts.filled(contactName) || Texts.filled(contactEmail) || Texts.filled(contactPhone);
        return new EventRequest(projectId, named(EventType.class, type), text(titleFi, titleSv, titleEn),
                described ? new EventRequest.LongText(Texts.trimmed(descriptionFi), Texts.trimmed(descriptionSv),
                        Texts.trimmed(descriptionEn)) : null,
                Texts.trimmed(organisation), Texts.trimmed(venue), Texts.trimmed(onlineUrl), capacity == null ? 0 : capacity,
                given.isEmpty() ? Formats.instant(startsAt) : null, given.isEmpty() ? Formats.instant(endsAt) : null,
                given.isEmpty() ? null : given, given.isEmpty() ? null : sessionsToComplete, asked,
                Formats.instant(registrationOpensAt), Formats.instant(registrationClosesAt), maxRegistrationsPerAddress,
                contacted ? new EventRequest.ContactRequest(Texts.trimmed(contactName), Texts.trimmed(contactEmail),
                        Texts.trimmed(contactPhone)) : null,
                excludedFromReports, Texts.filled(businessIdAsked) ? named(BusinessIdAsked.class, businessIdAsked) : BusinessIdAsked.NOT_ASKED,
                offerHours, reminders.stream().filter(row -> !row.isEmpty()).map(row -> new EventRequest.ReminderRequest(
                        Texts.trimmed(row.getId()), row.getHoursBefore(), new EventRequest.ReminderText(
                                Texts.trimmed(row.getTextFi()), Texts.trimmed(row.getTextSv()), Texts.trimmed(row.getTextEn()))))
                        .toList());
    }

    /** "fi | sv | en" per line; the ids of the options as they were, by position. */
    private static List<EventRequest.ChoiceRequest> options(QuestionRow row) {
        List<String> ids = row.getOptionIds() == null || row.getOptionIds().isBlank() ? List.of()
                : List.of(row.getOptionIds().split(","));
        List<EventRequest.ChoiceRequest> options = new ArrayList<>();
        String[] lines = row.getOptions() == null ? new String[0] : row.getOptions().split("\\R");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            options.add(new EventRequest.ChoiceRequest(options.size() < ids.size() ? ids.get(options.size()).trim() : null,
                    text(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null)));
        }
        return options;
    }

    /** A language left empty is null, so the service falls back to another one. */
    private static EventRequest.Text text(String fi, String sv, String en) {
        return new EventRequest.Text(Texts.trimmed(fi), Texts.trimmed(sv), Texts.trimmed(en));
    }

    /** The value of that name; null for none or a name the service does not know (it then says what is missing). */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }

    private static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? new LocalizedText(null, null, null) : text;
    }

    private static String text(String value) {
        return value == null ? "" : value;
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
        for (String text : List.of("title", "label", "text")) {
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

    public Integer getOfferHours() { return offerHours; }
    public void setOfferHours(Integer offerHours) { this.offerHours = offerHours; }
    public List<ReminderRow> getReminders() { return reminders; }
    public void setReminders(List<ReminderRow> reminders) { this.reminders = reminders; }
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
