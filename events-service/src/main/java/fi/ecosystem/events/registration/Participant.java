package fi.ecosystem.events.registration;

/**
 * Who registers, as the registration use cases take it: the service's own type, so its rules do not change when the
 * {@code registrations} contract does. The contract's participant is built only where the event is recorded.
 */
public record Participant(String email, String firstName, String lastName, String organisationName, String language) {
}
