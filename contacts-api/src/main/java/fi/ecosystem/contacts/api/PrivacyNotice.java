package fi.ecosystem.contacts.api;

import java.time.Instant;
import java.util.Set;

/**
 * GDPR art. 19: another city's admin exported a person's data for them or erased the person, and this city sees that
 * person; {@code readAt}/{@code readBy} once an admin of this city marked it read.
 */
public record PrivacyNotice(String id, String city, Instant at, String action, String contactId, String byName,
        Set<String> byCities, Instant readAt, String readBy) {
}
