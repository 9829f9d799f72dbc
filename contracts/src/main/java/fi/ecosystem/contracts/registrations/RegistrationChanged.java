package fi.ecosystem.contracts.registrations;

import java.time.Instant;

/**
 * A participant's place in an event changed state. Topic {@code registrations}, key = registration id.
 * The envelope type names the new state, e.g. {@code registration.confirmed}.
 */
public record RegistrationChanged(
        String registrationId,
        String eventId,
        String projectId,
        String status,
        String previousStatus,
        Participant participant,
        Instant occurredAt,
        String sessionId,
        java.util.List<Consent> consents,
        Instant offeredUntil) {

    public static final int VERSION = 1;
    public static final String CONFIRMED = "registration.confirmed";
    public static final String WAITLISTED = "registration.waitlisted";
    public static final String PROMOTED = "registration.promoted";
    public static final String CANCELLED = "registration.cancelled";
    public static final String ATTENDED = "registration.attended";
    /** A check-in for one session of a multi-session event, or its correction; {@code sessionId} names it. */
    public static final String SESSION_ATTENDANCE = "registration.session-attendance";
    public static final String NO_SHOW = "registration.no-show";
    /** A freed place offered to the first on the waiting list until {@code offeredUntil} (status OFFERED). */
    public static final String OFFERED = "registration.offered";
    /** The offered place taken: the registration is confirmed (a participant reached, as a promotion is). */
    public static final String OFFER_ACCEPTED = "registration.offer-accepted";
    /** The offered place declined (by the person or an organiser): the registration is cancelled. */
    public static final String OFFER_DECLINED = "registration.offer-declined";
    /** The offer's time ran out unanswered: the registration is cancelled and the place offered to the next. */
    public static final String OFFER_EXPIRED = "registration.offer-expired";

    /** Events written before sessions and consents existed read as having none. */
    public RegistrationChanged {
        consents = consents == null ? java.util.List.of() : java.util.List.copyOf(consents);
    }

    /** A change that is not an offer (events written before offers existed read so too). */
    public RegistrationChanged(String registrationId, String eventId, String projectId, String status, String previousStatus,
            Participant participant, Instant occurredAt, String sessionId, java.util.List<Consent> consents) {
        this(registrationId, eventId, projectId, status, previousStatus, participant, occurredAt, sessionId, consents, null);
    }

    /** A change without a session or consents (the shape of the first version of this record). */
    public RegistrationChanged(String registrationId, String eventId, String projectId, String status, String previousStatus,
            Participant participant, Instant occurredAt) {
        this(registrationId, eventId, projectId, status, previousStatus, participant, occurredAt, null, null, null);
    }

    /**
     * A consent the participant gave on the registration form: the purpose (NEWSLETTER, EVENT_COMMUNICATION,
     * RESEARCH), the version and address of the policy text they ticked, and when.
     */
    public record Consent(String purpose, String policyVersion, String policyUrl, Instant givenAt) {
    }

    /** Who registered: enough for the contacts service to match an existing person by e-mail or create one. */
    public record Participant(
            String email,
            String firstName,
            String lastName,
            String organisationName,
            String businessId,
            String language) {
    }
}
