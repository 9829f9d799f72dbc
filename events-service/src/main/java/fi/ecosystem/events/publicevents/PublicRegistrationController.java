package fi.ecosystem.events.publicevents;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.api.PrivateRegistrationView;
import fi.ecosystem.events.api.RegistrationReceived;
import fi.ecosystem.events.api.SelfRegistrationRequest;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.event.web.EventRecords;
import fi.ecosystem.events.registration.Participant;
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

    static PrivateRegistrationView view(Registration registration, Event event, long position) {
        boolean holdsPlace = registration.status() == RegistrationStatus.CONFIRMED || registration.status() == RegistrationStatus.ATTENDED;
        return new PrivateRegistrationView(event.id(), event.title(), event.startsAt(), event.endsAt(), event.venue(),
                holdsPlace ? event.onlineUrl() : null, EventRecords.sessions(event.sessions()),
                fi.ecosystem.events.api.RegistrationStatus.valueOf(registration.status().name()), position,
                registration.firstName(), registration.lastName(), registration.email(), registration.language(),
                registration.answers(), registration.privateToken(), event.organisingCity(), event.organisation(),
                EventRecords.contact(event.contact()), certificateAvailable(registration, event), registration.offeredUntil());
    }

    /** A participant of a completed growth programme who attended enough of it downloads a certificate of attendance. */
    private static boolean certificateAvailable(Registration registration, Event event) {
        return event.type() == EventType.GROWTH_PROGRAMME && event.status() == EventStatus.COMPLETED
                && registration.status() != RegistrationStatus.CANCELLED && event.completedBy(registration.attendedSessions());
    }

    @PostMapping("/public/events/{eventId}/registrations")
    @Operation(summary = "Register for a published event",
            description = "202 with the same answer whether the address is new or registered already: the registrant's "
                    + "private link (and, for a confirmed place, the online link) goes to the address by e-mail; a known "
                    + "address is mailed its link again (at most once every few minutes). Confirmed while places last, "
                    + "then waitlisted. 429 (code registrations-per-address) when the event caps registrations from one "
                    + "client address and the cap is reached.")
    ResponseEntity<RegistrationReceived> register(@PathVariable String eventId, @Valid @RequestBody SelfRegistrationRequest request,
            HttpServletRequest http) {
        if (request.website() != null && !request.website().isBlank()) {
            // a bot filled the honeypot: it sees the usual answer, nothing is stored
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(RegistrationReceived.CHECK_YOUR_EMAIL);
        }
        registrations.registerThemselves(eventId, new Participant(request.email(), request.firstName(),
                request.lastName(), request.organisationName(), request.businessId(), request.language()),
                request.answers(), ClientAddress.networkOf(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RegistrationReceived.CHECK_YOUR_EMAIL);
    }

    @GetMapping("/public/registrations/{token}")
    @Operation(summary = "The participant's own registration, through the private link")
    PrivateRegistrationView view(@PathVariable @Size(max = 100) String token) {
        Registration registration = registrations.byPrivateToken(token);
        return view(registration, registrations.eventOf(registration), registrations.waitingListPosition(registration));
    }

    @PostMapping("/public/registrations/{token}/offer/accept")
    @Operation(summary = "Take the place offered from the waiting list",
            description = "While the offer is open (until offeredUntil): the registration is confirmed. 409 with code "
                    + "offer-not-open when the offer expired or was answered already")
    PrivateRegistrationView acceptOffer(@PathVariable @Size(max = 100) String token) {
        Registration registration = registrations.acceptOfferByPrivateToken(token);
        return view(registration, registrations.eventOf(registration), 0);
    }

    @PostMapping("/public/registrations/{token}/offer/decline")
    @Operation(summary = "Decline the place offered from the waiting list",
            description = "The registration is cancelled and the place offered to the next person waiting. 409 with code "
                    + "offer-not-open when the offer expired or was answered already")
    PrivateRegistrationView declineOffer(@PathVariable @Size(max = 100) String token) {
        Registration registration = registrations.declineOfferByPrivateToken(token);
        return view(registration, registrations.eventOf(registration), 0);
    }

    @DeleteMapping("/public/registrations/{token}")
    @Operation(summary = "Cancel the registration, or leave the waiting list", description = "A freed place goes to the next person waiting")
    PrivateRegistrationView cancel(@PathVariable @Size(max = 100) String token) {
        Registration registration = registrations.cancelByPrivateToken(token);
        return view(registration, registrations.eventOf(registration), 0);
    }
}
