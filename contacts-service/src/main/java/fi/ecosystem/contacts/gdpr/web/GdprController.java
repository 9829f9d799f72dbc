package fi.ecosystem.contacts.gdpr.web;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contacts.gdpr.ErasureState;
import fi.ecosystem.contacts.gdpr.OtherServices;
import fi.ecosystem.contacts.gdpr.PersonErasure;
import fi.ecosystem.contacts.gdpr.PersonalDataExport;
import fi.ecosystem.platform.privacy.PersonalDataAccess;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's rights: the export of everything the platform holds about them (staff or admins of a city
 * that sees the person; integrators with {@code contacts:write}) and erasure (a city's admin only). A
 * person the caller may not see answers 404, as everywhere.
 */
@RestController
@RequestMapping("/api/contacts/{id}")
@Tag(name = "GDPR", description = "Export and erasure of a person's data across all services")
@SecurityRequirement(name = "keycloak")
class GdprController {

    private final ContactService contacts;
    private final PersonalDataExport export;
    private final PersonErasure erasure;
    private final ErasureState erasureState;

    GdprController(ContactService contacts, PersonalDataExport export, PersonErasure erasure, ErasureState erasureState) {
        this.contacts = contacts;
        this.export = export;
        this.erasure = erasure;
        this.erasureState = erasureState;
    }

    @GetMapping("/gdpr-export")
    @Operation(summary = "Everything every service holds about the person, as JSON or as a readable HTML document (fi/sv/en)")
    ResponseEntity<?> export(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @RequestParam(defaultValue = "json") @Pattern(regexp = "json|html", message = "must be json or html") String format,
            @RequestParam(required = false) @Pattern(regexp = "fi|sv|en", message = "must be fi, sv or en") String lang) {
        PersonalDataAccess.requireMayExport(user);
        Contact contact = contacts.get(user, id);
        PersonalDataExport.Export result = export.of(user, contact, lang);
        if (format.equals("html")) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "inline; filename=\"gdpr-export-" + id + ".html\"")
                    .body(result.html());
        }
        return ResponseEntity.ok(result);
    }

    @PostMapping("/erasure")
    @Operation(summary = "Erase (anonymise) the person in every service; answers at once, the state shows when all are done")
    ResponseEntity<ErasureState.State> erase(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        PersonalDataAccess.requireMayErase(user);
        Contact contact = contacts.get(user, id);
        erasure.erase(user, contact.id());
        return ResponseEntity.accepted().location(URI.create("/api/contacts/" + id + "/erasure"))
                .body(erasureState.of(id, false));
    }

    @GetMapping("/erasure")
    @Operation(summary = "How far the person's erasure is: when each service finished")
    ErasureState.State erasureState(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        PersonalDataAccess.requireMayExport(user);
        contacts.get(user, id);
        return erasureState.of(id, true);
    }

    @ExceptionHandler(OtherServices.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(OtherServices.Unavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5").body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", e.getMessage()));
    }
}
