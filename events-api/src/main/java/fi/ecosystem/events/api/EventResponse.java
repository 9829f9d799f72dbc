package fi.ecosystem.events.api;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * An event as its cities see it; the online link only for those who manage it or its people (never a bare
 * member). The counts are the event's own counters ({@code confirmedCount} counts the places taken, open offers
 * included). {@code offerHours} null: promotion at once. A reply without {@code excludedFromReports} or
 * {@code businessIdAsked} (an older service) reads as counted in reports and not asking.
 */
public record EventResponse(String id, String projectId, EventType type, LocalizedText title, LocalizedText description,
        String organisingCity, String organisation, String venue, String onlineUrl, boolean online, int capacity,
        int confirmedCount, int placesLeft, Instant startsAt, Instant endsAt, List<SessionResponse> sessions,
        int sessionsToComplete, List<QuestionResponse> questions, Instant registrationOpensAt,
        Instant registrationClosesAt, Integer maxRegistrationsPerAddress, EventStatus status, int waitlistedCount,
        ContactResponse contact, Boolean excludedFromReports, BusinessIdAsked businessIdAsked, Integer offerHours,
        List<ReminderResponse> reminders) {

    public EventResponse {
        excludedFromReports = Boolean.TRUE.equals(excludedFromReports);
        businessIdAsked = businessIdAsked == null ? BusinessIdAsked.NOT_ASKED : businessIdAsked;
        sessions = sessions == null ? List.of() : sessions;
        questions = questions == null ? List.of() : questions;
        reminders = reminders == null ? List.of() : reminders;
    }

    /** A reminder the organisers set: mailed {@code hoursBefore} each session starts, with their extra text. */
    public record ReminderResponse(String id, int hoursBefore, LocalizedText text) {
    }

    /** One meeting of the event; attendance is checked in per session. */
    public record SessionResponse(String id, LocalizedText title, Instant startsAt, Instant endsAt) {
    }

    /** What the event asks its registrants. */
    public record QuestionResponse(String id, QuestionKind kind, LocalizedText label, boolean required,
            List<Choice> options, String policyUrl, String policyVersion, String consentPurpose) {

        public QuestionResponse {
            options = options == null ? List.of() : options;
        }
    }

    public record Choice(String id, LocalizedText label) {
    }

    /** Whom participants ask about the event. */
    public record ContactResponse(String name, String email, String phone) {
    }
}
