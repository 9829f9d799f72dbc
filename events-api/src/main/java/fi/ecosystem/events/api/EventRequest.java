package fi.ecosystem.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.ecosystem.contracts.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/**
 * An event as organisers write it (create and edit). A one-off event may give {@code startsAt}/{@code endsAt}
 * instead of sessions; a growth programme lists its sessions. {@code excludedFromReports}: a test or internal meeting
 * that funder reports do not count; {@code businessIdAsked}: whether registrants give their organisation and business ID
 * (null: not asked). {@code offerHours}: a freed place is offered to the first waiting for that many hours (null:
 * promoted at once); {@code reminders}: the organisers' reminders before each session (none: one a day before).
 * Fields left out are not sent (the service reads a missing field and a null alike).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRequest(
        @NotBlank @Size(max = 100) String projectId,
        @NotNull EventType type,
        @NotNull @Valid Text title,
        @Valid LongText description,
        @Size(max = 200) String organisation,
        @Size(max = 500) String venue,
        @URL @Size(max = 500) String onlineUrl,
        @Min(1) @Max(100_000) int capacity,
        Instant startsAt,
        Instant endsAt,
        @Size(max = 100) List<@Valid SessionRequest> sessions,
        @Min(1) Integer sessionsToComplete,
        @Size(max = 50) List<@Valid QuestionRequest> questions,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        @Min(1) @Max(100_000) Integer maxRegistrationsPerAddress,
        @Valid ContactRequest contact,
        Boolean excludedFromReports,
        BusinessIdAsked businessIdAsked,
        @Min(1) @Max(336) Integer offerHours,
        @Size(max = 5) List<@Valid ReminderRequest> reminders) {

    /** An event that promotes at once and keeps the default reminder (the request before offers and reminders). */
    public EventRequest(String projectId, EventType type, Text title, LongText description, String organisation, String venue,
            String onlineUrl, int capacity, Instant startsAt, Instant endsAt, List<SessionRequest> sessions,
            Integer sessionsToComplete, List<QuestionRequest> questions, Instant registrationOpensAt,
            Instant registrationClosesAt, Integer maxRegistrationsPerAddress, ContactRequest contact,
            Boolean excludedFromReports, BusinessIdAsked businessIdAsked) {
        this(projectId, type, title, description, organisation, venue, onlineUrl, capacity, startsAt, endsAt, sessions,
                sessionsToComplete, questions, registrationOpensAt, registrationClosesAt, maxRegistrationsPerAddress, contact,
                excludedFromReports, businessIdAsked, null, null);
    }

    public record Text(@Size(max = 300) String fi, @Size(max = 300) String sv, @Size(max = 300) String en) {

        public static Text of(LocalizedText text) {
            return text == null ? null : new Text(text.fi(), text.sv(), text.en());
        }

        public LocalizedText localized() {
            return new LocalizedText(fi, sv, en);
        }
    }

    public record LongText(@Size(max = 10_000) String fi, @Size(max = 10_000) String sv, @Size(max = 10_000) String en) {

        public LocalizedText localized() {
            return new LocalizedText(fi, sv, en);
        }
    }

    public record SessionRequest(@Size(max = 40) String id, @Valid Text title, @NotNull Instant startsAt, Instant endsAt) {
    }

    public record ChoiceRequest(@Size(max = 40) String id, @NotNull @Valid Text label) {
    }

    public record QuestionRequest(@Size(max = 40) String id, @NotNull QuestionKind kind, @NotNull @Valid Text label,
            Boolean required, @Size(max = 50) List<@Valid ChoiceRequest> options, @URL @Size(max = 500) String policyUrl,
            @Size(max = 40) String policyVersion,
            @Pattern(regexp = "NEWSLETTER|EVENT_COMMUNICATION|RESEARCH") String consentPurpose) {
    }

    /** A reminder mailed {@code hoursBefore} each session starts, with the organisers' extra text (optional). */
    public record ReminderRequest(@Size(max = 40) String id, @NotNull @Min(1) @Max(336) Integer hoursBefore,
            @Valid ReminderText text) {
    }

    public record ReminderText(@Size(max = 1000) String fi, @Size(max = 1000) String sv, @Size(max = 1000) String en) {

        public LocalizedText localized() {
            return new LocalizedText(fi, sv, en);
        }
    }

    /** Whom participants ask about the event: a name, and an e-mail address or a phone number (or both). */
    public record ContactRequest(@Size(max = 200) String name, @Email @Size(max = 254) String email, @Size(max = 40) String phone) {
    }
}
