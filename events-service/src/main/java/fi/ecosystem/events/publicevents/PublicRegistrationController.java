package fi.ecosystem.events.publicevents;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.RegistrationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import fi.ecosystem.events.event.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service for participants, no login: register for a published event, and through the private link
 * see the registration, cancel it or leave the waiting list. The private token is the only key.
 */
@RestController
@Tag(name = "Public registration", description = "Self-registration and the private registration link; no login")
class PublicRegistrationController {

    private final RegistrationService registrations;

    PublicRegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /**
     * @param website a honeypot: invisible on the form, so only bots fill it in
     */
    record SelfRegistration(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 200) String organisationName,
            @Pattern(regexp = "fi|sv|en") String language,
            @Size(max = 50) Map<@Size(max = 40) String, @Size(max = 2000) String> answers,
            @Size(max = 500) String website,
            @Size(max = 20) String businessId) {
    }

    /** What the participant sees of their registration; the online link only while they have a place. */
    record PrivateView(String eventId, LocalizedText eventTitle, Instant startsAt, Instant endsAt, String venue,
            String onlineUrl, List<Session> sessions, RegistrationStatus status, long waitingListPosition, String firstName,
            String lastName, String email, String language, Map<String, String> answers, String privateToken,
            String organisingCity, String organisation, OrganiserContact contact, boolean certificateAvailable) {

        static PrivateView of(Registration registration, Event event, long position) {
            return new PrivateView(event.id(), event.title(), event.startsAt(), event.endsAt(), event.venue(),
                    registration.status() == RegistrationStatus.CONFIRMED || registration.status() == RegistrationStatus.ATTENDED
                            ? event.onlineUrl() : null,
                    event.sessions(), registration.status(), position, registration.firstName(), registration.lastName(),
                    registration.email(), registration.language(), registration.answers(), registration.privateToken(),
                    event.organisingCity(), event.organisation(), event.contact(),
                    event.type() == EventType.GROWTH_PROGRAMME && event.status() == EventStatus.COMPLETED
                            && registration.status() != RegistrationStatus.CANCELLED && event.completedBy(registration.attendedSessions()));
        }
    }

    /**
     * The one answer to every accepted registration form — new address, known address or bot — so that it
     * reveals nothing: no names, no status, no link. The private link goes to the address by e-mail.
     */
    record Received(String message) {

        static final Received CHECK_YOUR_EMAIL = new Received(
                "Thank you. We have sent a message to the e-mail address you gave: its link shows your registration.");
    }

    @PostMapping("/public/events/{eventId}/registrations")
    @Operation(summary = "Register for a published event",
            description = "202 with the same answer whether the address is new or registered already: the registrant's "
                    + "private link (and, for a confirmed place, the online link) goes to the address by e-mail; a known "
                    + "address is mailed its link again (at most once every few minutes). Confirmed while places last, "
                    + "then waitlisted. 429 (code registrations-per-address) when the event caps registrations from one "
                    + "client address and the cap is reached.")
    ResponseEntity<Received> register(@PathVariable String eventId, @Valid @RequestBody SelfRegistration request,
            HttpServletRequest http) {
        if (request.website() != null && !request.website().isBlank()) {
            // a bot filled the honeypot: it sees the usual answer, nothing is stored
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Received.CHECK_YOUR_EMAIL);
        }
        registrations.registerThemselves(eventId, new RegistrationChanged.Participant(
                request.email(), request.firstName(), request.lastName(), request.organisationName(), request.businessId(),
                request.language()),
                request.answers(), ClientAddress.networkOf(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Received.CHECK_YOUR_EMAIL);
    }

    @GetMapping("/public/registrations/{token}")
    @Operation(summary = "The participant's own registration, through the private link")
    PrivateView view(@PathVariable @Size(max = 100) String token) {
        Registration registration = registrations.byPrivateToken(token);
        return PrivateView.of(registration, registrations.eventOf(registration), registrations.waitingListPosition(registration));
    }

    @DeleteMapping("/public/registrations/{token}")
    @Operation(summary = "Cancel the registration, or leave the waiting list", description = "A freed place goes to the next person waiting")
    PrivateView cancel(@PathVariable @Size(max = 100) String token) {
        Registration registration = registrations.cancelByPrivateToken(token);
        return PrivateView.of(registration, registrations.eventOf(registration), 0);
    }
}
