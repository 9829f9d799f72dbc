package fi.ecosystem.events.gdpr.web;

import fi.ecosystem.events.gdpr.PersonalDataExport;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import fi.ecosystem.platform.security.CityUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/gdpr/people")
@Tag(name = "GDPR", description = "What this service holds about a person, for contacts-service's export")
@SecurityRequirement(name = "keycloak")
class PersonalDataController {

    private final PersonalDataExport export;

    PersonalDataController(PersonalDataExport export) {
        this.export = export;
    }

    /** By the hash of the address, never the address itself: query strings end up in access logs. */
    @GetMapping
    @Operation(summary = "A person's registrations in the events of the caller's cities, by the SHA-256 of their e-mail")
    PersonalDataReport get(@Parameter(hidden = true) CityUser user,
            @RequestParam @Pattern(regexp = "[0-9a-f]{64}", message = "must be the SHA-256 (hex) of the lower-cased e-mail") String emailSha256,
            @RequestParam(required = false) @Size(max = 100) String contactId) {
        return export.of(user, emailSha256, contactId);
    }
}
