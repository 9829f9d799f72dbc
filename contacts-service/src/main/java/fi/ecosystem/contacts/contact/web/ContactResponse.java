package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.contact.Consent;
import fi.ecosystem.contacts.contact.Participation;
import fi.ecosystem.contacts.contact.PersonEntry;
import fi.ecosystem.contacts.contact.PersonView;
import fi.ecosystem.contacts.contact.ProjectRole;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One person as the caller sees them: the details their sources supplied, roles, consents and participation
 * history of the scopes the caller sees; {@code sources} says which scope supplied which details.
 */
record ContactResponse(String id, String email, Set<String> otherEmails, String firstName, String lastName, String title,
        String organisationName, String organisationId, String phone, String language, Set<String> projectIds,
        List<ProjectRole> roles, List<Consent> consents, List<Participation> participations, List<String> mergedFrom,
        boolean anonymised, Instant createdAt, Instant updatedAt, Instant lastActivityAt, List<PersonEntry> sources) {

    static ContactResponse of(PersonView contact) {
        return new ContactResponse(contact.id(), contact.email(), contact.otherEmails(), contact.firstName(),
                contact.lastName(), contact.title(), contact.organisationName(), contact.organisationId(), contact.phone(),
                contact.language(), contact.projectIds(), contact.roles(), contact.consents(), contact.participations(),
                contact.mergedFrom(), contact.anonymised(), contact.createdAt(), contact.updatedAt(),
                contact.lastActivityAt(), contact.entries());
    }

    /** A row of a list: no consents (participations stay: integrators read them from the list since v1). */
    record Summary(String id, String firstName, String lastName, String title, String organisationName, String email,
            String phone, String language, Set<String> projectIds, List<ProjectRole> roles,
            List<Participation> participations, boolean anonymised, Instant lastActivityAt) {

        static Summary of(PersonView contact) {
            return new Summary(contact.id(), contact.firstName(), contact.lastName(), contact.title(),
                    contact.organisationName(), contact.email(), contact.phone(), contact.language(), contact.projectIds(),
                    contact.roles(), contact.participations(), contact.anonymised(), contact.lastActivityAt());
        }
    }
}
