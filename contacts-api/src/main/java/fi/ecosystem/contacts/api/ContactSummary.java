package fi.ecosystem.contacts.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A row of a list of people: no consents (participations stay: integrators read them from the list since v1). */
public record ContactSummary(String id, String firstName, String lastName, String title, String organisationName,
        String email, String phone, String language, Set<String> projectIds, List<ContactResponse.Role> roles,
        List<ContactResponse.Participation> participations, boolean anonymised, Instant lastActivityAt) {
}
