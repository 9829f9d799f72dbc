package fi.ecosystem.contacts.gdpr.web;

import fi.ecosystem.contacts.api.PrivacyNotice;
import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contacts.gdpr.ErasureState;
import fi.ecosystem.contacts.gdpr.OtherServices;
import fi.ecosystem.contacts.gdpr.PersonErasure;
import fi.ecosystem.contacts.gdpr.PersonalDataDocument;
import fi.ecosystem.contacts.gdpr.PersonalDataExport;
import fi.ecosystem.contacts.gdpr.PrivacyNotices;
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
 * A person's rights, the guarded exception to the per-city view of people: the export of everything the
 * platform holds about them, from every source, and erasure everywhere — both a city's admin only, for a
 * person the admin's city sees (404 otherwise, as everywhere; 403 {@code admin-needed} for anyone else, the same rule
 * every other service applies to its part, {@link PersonalDataAccess}). Both are audited and told to the admins of
 * the other cities that could see the person ({@link PrivacyNotices}, GDPR art. 19).
 */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "GDPR", description = "Export and erasure of a person's data across all services")
@SecurityRequirement(name = "keycloak")
class GdprController {

    private final ContactService contacts;
    private final PersonalDataExport export;
    private final PersonalDataDocument document;
    private final OtherServices others;
    private final PersonErasure erasure;
    private final ErasureState erasureState;
    private final PrivacyNotices notices;

    GdprController(ContactService contacts, PersonalDataExport export, PersonalDataDocument document, OtherServices others,
            PersonErasure erasure, ErasureState erasureState, PrivacyNotices notices) {
        this.contacts = contacts;
        this.export = export;
        this.document = document;
        this.others = others;
        this.erasure = erasure;
        this.erasureState = erasureState;
        this.notices = notices;
    }

    @GetMapping("/{id}/gdpr-export")
    @Operation(summary = "Everything every service holds about the person, as JSON or as a readable HTML document (fi/sv/en)",
            description = "The JSON is machine-readable and holds everything as stored. The HTML is the document for the "
                    + "person: in their own language (lang chooses another), words and Helsinki times, no internal ids or codes; "
                    + "printable")
    ResponseEntity<?> export(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @RequestParam(defaultValue = "json") @Pattern(regexp = "json|html", message = "must be json or html") String format,
            @RequestParam(required = false) @Pattern(regexp = "fi|sv|en", message = "must be fi, sv or en") String lang) {
        PersonalDataAccess.requireAdmin(user);
        Contact contact = contacts.get(user, id);
        PersonalDataExport.Export result = export.of(user, contact, lang);
        notices.tell(contacts.citiesOf(contact), user, PrivacyNotices.EXPORTED, contact.id());
        if (format.equals("html")) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "inline; filename=\"gdpr-export-" + id + ".html\"")
                    .body(document.html(result, contacts.citiesOf(contact), others.cityNames()));
        }
        return ResponseEntity.ok(result);
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "Erase (anonymise) the person in every service; answers at once, the state shows when all are done")
    ResponseEntity<ErasureState.State> erase(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        PersonalDataAccess.requireAdmin(user);
        Contact contact = contacts.get(user, id);
        if (contact.anonymisedAt() == null) { // told once: asking again for an erased person changes nothing
            notices.tell(contacts.citiesOf(contact), user, PrivacyNotices.ERASED, contact.id());
        }
        erasure.erase(user, contact.id());
        return ResponseEntity.accepted().location(URI.create("/api/contacts/" + id + "/erasure"))
                .body(erasureState.of(id, false));
    }

    @GetMapping("/{id}/erasure")
    @Operation(summary = "How far the person's erasure is: when each service finished")
    ErasureState.State erasureState(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        PersonalDataAccess.requireAdmin(user);
        contacts.get(user, id);
        return erasureState.of(id, true);
    }

    @GetMapping("/notices")
    @Operation(summary = "What other cities' admins did with people this city sees: exports for the person and erasures "
            + "(GDPR art. 19)", description = "For admins of the city; newest first. A notice names the contact id only.")
    fi.ecosystem.contracts.ItemsPage<PrivacyNotice> notices(@Parameter(hidden = true) CityUser user,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int size) {
        PersonalDataAccess.requireAdmin(user);
        return fi.ecosystem.platform.web.Pages.of(notices.of(user.cities(),
                org.springframework.data.domain.PageRequest.of(page, size)), GdprController::notice);
    }

    @PostMapping("/notices/{noticeId}/read")
    @Operation(summary = "Mark a notice to the caller's city as read (by whom and when; audited)",
            description = "For admins of the city; 404 for a notice to another city. Marking again keeps the first reading.")
    PrivacyNotice read(@Parameter(hidden = true) CityUser user,
            @PathVariable @jakarta.validation.constraints.Size(max = 64) String noticeId) {
        PersonalDataAccess.requireAdmin(user);
        return notice(notices.markRead(user, noticeId));
    }

    /** A notice as the API's record says it (contacts-api). */
    private static PrivacyNotice notice(PrivacyNotices.Notice notice) {
        return new PrivacyNotice(notice.id(), notice.city(), notice.at(), notice.action(), notice.contactId(), notice.byName(),
                notice.byCities(), notice.readAt(), notice.readBy());
    }

    @ExceptionHandler(OtherServices.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(OtherServices.Unavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5").body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", e.getMessage()));
    }
}
