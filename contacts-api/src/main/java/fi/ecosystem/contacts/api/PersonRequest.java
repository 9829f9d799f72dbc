package fi.ecosystem.contacts.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A person as staff enter or edit them. {@code projectIds}: on entry, projects of the caller's city to link the person
 * to (at least one); ignored on edit. The service also checks that {@code phone} is a phone number.
 */
public record PersonRequest(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 200) String title,
        @Size(max = 300) String organisationName,
        @Size(max = 100) String organisationId,
        @Email @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Pattern(regexp = LANGUAGES) String language,
        @Size(max = 200) Set<@Size(max = 100) String> projectIds) {

    /** The languages a person reads their mails in. */
    public static final String LANGUAGES = "fi|sv|en";

    /** Checked with the other fields so that the answer names the field. */
    @AssertTrue(message = "a person needs a first or last name")
    boolean isName() {
        return (firstName != null && !firstName.isBlank()) || (lastName != null && !lastName.isBlank());
    }
}
