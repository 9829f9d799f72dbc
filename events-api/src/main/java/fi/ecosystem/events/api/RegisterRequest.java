package fi.ecosystem.events.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An organiser registers a participant: who, in which language they read mails, and their answers by question id;
 * the organisation's business ID when the event asks for it.
 */
public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 200) String organisationName,
        @Pattern(regexp = "fi|sv|en") String language,
        @Size(max = 50) Map<@Size(max = 40) String, @Size(max = 2000) String> answers,
        @Size(max = 20) String businessId) {
}
