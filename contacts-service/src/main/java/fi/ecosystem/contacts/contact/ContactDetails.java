package fi.ecosystem.contacts.contact;

/**
 * What staff enter and edit about a person. The phone number may be written as people write it; the
 * person stores it in E.164.
 *
 * @param organisationId the organisation in {@code /api/organisations}, when it is known there
 * @param language       preferred language: fi, sv or en
 */
public record ContactDetails(String firstName, String lastName, String title, String organisationName,
        String organisationId, String email, String phone, String language) {
}
