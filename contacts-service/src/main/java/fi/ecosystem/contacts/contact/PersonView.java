package fi.ecosystem.contacts.contact;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person as one caller may see them: only the facts whose scope the caller sees (see {@link Visibility}). The
 * details are composed from the visible entries, the latest entry's value of each field first.
 *
 * @param scopes the visible scopes the person is linked through; empty means the person is not visible
 */
public record PersonView(String id, String email, Set<String> otherEmails, String firstName, String lastName, String title,
        String organisationName, String organisationId, String phone, String language, Set<String> projectIds,
        List<ProjectRole> roles, List<Consent> consents, List<Participation> participations, List<String> mergedFrom,
        boolean anonymised, Instant createdAt, Instant updatedAt, Instant lastActivityAt, List<PersonEntry> entries,
        Set<String> scopes) {

    public String displayName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }
}
