package fi.ecosystem.platform.privacy;

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

/**
 * Every service's part of the export made for a person; contacts-service asks each with the caller's own token
 * once it has checked that the caller's city sees the person. A city's admin only; every answer is audited here.
 */
@RestController
@RequestMapping("/api/gdpr/people")
@Tag(name = "GDPR", description = "Export and erasure of a person's data")
@SecurityRequirement(name = "keycloak")
public class PersonalDataController {

    private final PersonalDataSource source;
    private final PrivacyAudit audit;
    private final String service;

    public PersonalDataController(PersonalDataSource source, PrivacyAudit audit, String service) {
        this.source = source;
        this.audit = audit;
        this.service = service;
    }

    /**
     * By the keyed hash of the address ({@link fi.ecosystem.contracts.EmailHash}), never the address itself:
     * query strings end up in access logs, and only holders of the platform's hash key can tell whose it is.
     */
    @GetMapping
    @Operation(summary = "What this service holds about a person, by the keyed hash of their e-mail (a city's admin only)")
    public PersonalDataReport get(@Parameter(hidden = true) CityUser user,
            @RequestParam @Pattern(regexp = "[0-9a-f]{64}",
                    message = "must be the keyed hash (HMAC-SHA256, hex) of the lower-cased e-mail") String emailHash,
            @RequestParam(required = false) @Size(max = 100) String contactId) {
        PersonalDataAccess.requireAdmin(user);
        PersonalDataReport report = new PersonalDataReport(service, source.find(emailHash));
        audit.exported(user, contactId, report.counts());
        return report;
    }
}
