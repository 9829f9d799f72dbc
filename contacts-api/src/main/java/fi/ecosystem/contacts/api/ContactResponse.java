package fi.ecosystem.contacts.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One person as the caller sees them: the details their sources supplied, roles, consents and participation history
 * of the scopes the caller sees; {@code sources} says which scope supplied which details.
 */
public record ContactResponse(String id, String email, Set<String> otherEmails, String firstName, String lastName,
        String title, String organisationName, String organisationId, String phone, String language, Set<String> projectIds,
        List<Role> roles, List<Consent> consents, List<Participation> participations, List<String> mergedFrom,
        boolean anonymised, Instant createdAt, Instant updatedAt, Instant lastActivityAt, List<Source> sources) {

    public ContactResponse {
        projectIds = projectIds == null ? Set.of() : projectIds;
        roles = roles == null ? List.of() : roles;
        consents = consents == null ? List.of() : consents;
        participations = participations == null ? List.of() : participations;
    }

    /** A person's role in a project (project manager, project secretary, business expert…). */
    public record Role(String projectId, String role, String organisation, RoleSource source, Instant since) {
    }

    /**
     * One consent as given, and its withdrawal.
     *
     * @param scope whose consent it is: a project, or {@code city:<alias>} of the staff who recorded it
     */
    public record Consent(String id, ConsentPurpose purpose, LegalBasis legalBasis, ConsentSource source, String text,
            String textVersion, Instant givenAt, String recordedBy, Instant withdrawnAt, String withdrawnBy, String scope) {
    }

    /** One line of the participation history: a registration to an event and its latest state. */
    public record Participation(String registrationId, String eventId, String projectId, String status, Instant at) {
    }

    /**
     * What one source says of the person's details.
     *
     * @param scope a project id or {@code city:<alias>}
     * @param via   what supplied it: {@code staff}, {@code project}, {@code registration <id>}, {@code migrated}
     */
    public record Source(String scope, String firstName, String lastName, String title, String organisationName,
            String organisationId, String email, String phone, String language, String via, Instant at) {
    }
}
