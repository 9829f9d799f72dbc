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
        Instant occurredAt) {

    public static final int VERSION = 1;
    public static final String CONFIRMED = "registration.confirmed";
    public static final String WAITLISTED = "registration.waitlisted";
    public static final String PROMOTED = "registration.promoted";
    public static final String CANCELLED = "registration.cancelled";
    public static final String ATTENDED = "registration.attended";

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
