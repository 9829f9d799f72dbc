package fi.ecosystem.contacts.contact;

import java.time.Instant;

/**
 * What one source says of a person's details: a project (its contact list, a staff entry for it, a registration
 * to one of its events) or a city ({@code city:<alias>}, an edit by that city's staff). A person holds one entry
 * per scope; a city is shown only the entries of scopes it sees (docs/architecture.md).
 *
 * @param scope the unit of visibility: a project id or {@code city:<alias>}
 * @param via   what supplied it: {@code staff}, {@code project}, {@code registration <id>}, {@code migrated}
 */
public record PersonEntry(String scope, String firstName, String lastName, String title, String organisationName,
        String organisationId, String email, String phone, String language, String via, Instant at) {

    /** This entry with the values the other one gives; what the other leaves empty stays as it was. */
    PersonEntry updatedBy(PersonEntry other) {
        return new PersonEntry(scope, or(other.firstName, firstName), or(other.lastName, lastName), or(other.title, title),
                or(other.organisationName, organisationName), or(other.organisationId, organisationId),
                or(other.email, email), or(other.phone, phone), or(other.language, language), other.via, other.at);
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
