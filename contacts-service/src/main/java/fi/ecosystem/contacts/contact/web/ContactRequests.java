package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.ContactDetails;
import fi.ecosystem.contacts.contact.ConsentPurpose;
import fi.ecosystem.contacts.contact.ConsentSource;
import fi.ecosystem.contacts.contact.LegalBasis;
import fi.ecosystem.contacts.contact.Phone;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Request bodies of the contacts API. Messages are English defaults; clients translate by field and code. */
final class ContactRequests {

    static final String ROLE = "[A-Za-z][A-Za-z_ -]{1,59}";

    private ContactRequests() {
    }

    /** A person as staff enter or edit them. */
    record PersonBody(
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Size(max = 200) String title,
            @Size(max = 300) String organisationName,
            @Size(max = 100) String organisationId,
            @Email @Size(max = 254) String email,
            @Size(max = 40) @Schema(example = "040 123 4567") String phone,
            @Pattern(regexp = Contact.LANGUAGES) String language,
            @Size(max = 200) @Schema(description = "On entry: projects of the caller's city to link the person to (at least one); ignored on edit")
            Set<@Size(max = 100) String> projectIds) {

        /** Checked with the other fields so that the answer names the field. */
        @AssertTrue(message = "must be a phone number such as 040 123 4567, 09 310 1691 or +46 8 123 456")
        boolean isPhone() {
            return phone == null || phone.isBlank() || Phone.isValid(phone);
        }

        @AssertTrue(message = "a person needs a first or last name")
        boolean isName() {
            return (firstName != null && !firstName.isBlank()) || (lastName != null && !lastName.isBlank());
        }

        ContactDetails toDetails() {
            return new ContactDetails(firstName, lastName, title, organisationName, organisationId, email, phone, language);
        }
    }

    record Merge(@NotBlank @Size(max = 100) @Schema(description = "The duplicate; it becomes part of this person") String duplicateId) {
    }

    record ConsentBody(
            @NotNull ConsentPurpose purpose,
            @NotNull LegalBasis legalBasis,
            @NotNull ConsentSource source,
            @Size(max = 5000) String text,
            @Size(max = 100) @Schema(example = "newsletter-2026-01") String textVersion) {

        @AssertTrue(message = "give the consent text or its version")
        boolean isTextVersion() {
            return (text != null && !text.isBlank()) || (textVersion != null && !textVersion.isBlank());
        }
    }

    record RoleBody(
            @NotBlank @Pattern(regexp = ROLE) @Schema(example = "PROJECT_MANAGER") String role,
            @Size(max = 300) String organisation) {
    }
}
