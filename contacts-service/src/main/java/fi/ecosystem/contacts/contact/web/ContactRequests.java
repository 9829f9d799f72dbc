package fi.ecosystem.contacts.contact.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the contacts API that only integrators send (the others are in contacts-api). */
final class ContactRequests {

    static final String ROLE = "[A-Za-z][A-Za-z_ -]{1,59}";

    private ContactRequests() {
    }

    record RoleBody(
            @NotBlank @Pattern(regexp = ROLE) @Schema(example = "PROJECT_MANAGER") String role,
            @Size(max = 300) String organisation) {
    }
}
