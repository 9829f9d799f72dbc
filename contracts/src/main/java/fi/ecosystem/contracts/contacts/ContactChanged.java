package fi.ecosystem.contracts.contacts;

import java.util.List;

/**
 * A contact (person) was created or changed. Topic {@code contacts}, key = contact id.
 */
public record ContactChanged(
        String contactId,
        String displayName,
        String organisationName,
        List<String> projectIds) {

    public static final String TYPE = "contact.changed";
    public static final int VERSION = 1;
}
