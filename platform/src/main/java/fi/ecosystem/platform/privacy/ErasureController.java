package fi.ecosystem.platform.privacy;

import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every service says whether, and when, it finished erasing a person: contacts-service adds the answers up. */
@RestController
@RequestMapping("/api/gdpr/erasures")
@Tag(name = "GDPR", description = "Export and erasure of a person's data")
@SecurityRequirement(name = "keycloak")
public class ErasureController {

    private final PrivacyAudit audit;

    public ErasureController(PrivacyAudit audit) {
        this.audit = audit;
    }

    public record ErasureDone(String service, String contactId, Instant erasedAt, Map<String, Long> items) {
    }

    @GetMapping("/{contactId}")
    @Operation(summary = "When this service finished anonymising the person (404 while it has not)")
    ErasureDone get(@Parameter(hidden = true) CityUser user, @PathVariable String contactId) {
        PersonalDataAccess.requireAdmin(user);
        PrivacyAudit.Entry done = audit.erasureOf(contactId)
                .orElseThrow(() -> new NotFoundException("Erasure of " + contactId));
        return new ErasureDone(done.service(), contactId, done.at(), done.items());
    }
}
