package fi.ecosystem.events.certificate.web;

import fi.ecosystem.events.api.CertificateCheck;
import fi.ecosystem.events.certificate.CertificateService;
import fi.ecosystem.platform.security.CityUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Certificates of attendance of completed growth programmes: for organisers, participants and the public check. */
@RestController
@Tag(name = "Certificates", description = "Certificates of attendance of completed growth programmes")
class CertificateController {

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    /** A participant who earned a certificate; {@code code} once it has been issued (downloaded or mailed). */
    record HolderResponse(String registrationId, String firstName, String lastName, String language, String code) {
    }

    record Sent(int sent) {
    }

    @GetMapping("/api/events/{eventId}/certificates")
    @Operation(summary = "The participants who earned a certificate of attendance",
            description = "A completed growth programme's participants who attended enough sessions. Organisers of the event's cities")
    @SecurityRequirement(name = "keycloak")
    List<HolderResponse> holders(@Parameter(hidden = true) CityUser user, @PathVariable String eventId) {
        return certificates.holders(user, eventId).stream().map(holder -> new HolderResponse(holder.registration().id(),
                holder.registration().firstName(), holder.registration().lastName(), holder.registration().language(),
                holder.code())).toList();
    }

    @GetMapping(value = "/api/events/{eventId}/registrations/{registrationId}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A participant's certificate of attendance as a PDF, in their language")
    @SecurityRequirement(name = "keycloak")
    ResponseEntity<byte[]> download(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId) {
        return pdf(certificates.forOrganiser(user, eventId, registrationId));
    }

    @PostMapping("/api/events/{eventId}/registrations/{registrationId}/certificate/send")
    @Operation(summary = "Mail a participant their certificate of attendance (on their request)")
    @SecurityRequirement(name = "keycloak")
    Sent send(@Parameter(hidden = true) CityUser user, @PathVariable String eventId, @PathVariable String registrationId) {
        certificates.send(user, eventId, registrationId);
        return new Sent(1);
    }

    @PostMapping("/api/events/{eventId}/certificates/send")
    @Operation(summary = "Mail every participant who earned one their certificate of attendance")
    @SecurityRequirement(name = "keycloak")
    Sent sendAll(@Parameter(hidden = true) CityUser user, @PathVariable String eventId) {
        return new Sent(certificates.sendAll(user, eventId));
    }

    @GetMapping(value = "/public/registrations/{token}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The participant's own certificate of attendance, through the private link",
            description = "404 until the programme is completed and the participant attended enough sessions")
    ResponseEntity<byte[]> own(@PathVariable @Size(max = 100) String token) {
        return pdf(certificates.forParticipant(token));
    }

    @GetMapping("/public/certificates/{code}")
    @Operation(summary = "Confirm a certificate's verification code",
            description = "The programme, the day it ended and the holder's initials; 404 for a code nobody holds")
    CertificateCheck verify(@PathVariable @Size(max = 40) String code) {
        CertificateService.Verified verified = certificates.verify(code);
        return new CertificateCheck(true, verified.programme(), verified.completedOn(), verified.initials());
    }

    private static ResponseEntity<byte[]> pdf(CertificateService.Rendered rendered) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(rendered.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(rendered.pdf());
    }
}
