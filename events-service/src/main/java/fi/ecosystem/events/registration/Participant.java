package fi.ecosystem.events.registration;

/**
 * Who registers, as the registration use cases take it: the service's own type, so its rules do not change when the
 * {@code registrations} contract does. The contract's participant is built only where the event is recorded.
 * {@code businessId}: the organisation's Y-tunnus, when the event asks for it.
 */
public record Participant(String email, String firstName, String lastName, String organisationName, String businessId,
        String language) {

    /** The same person with the business ID the event keeps (canonical, or null). */
    public Participant withBusinessId(String kept) {
        return new Participant(email, firstName, lastName, organisationName, kept, language);
    }
}
