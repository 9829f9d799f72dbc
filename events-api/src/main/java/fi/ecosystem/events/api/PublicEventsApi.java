package fi.ecosystem.events.api;

import fi.ecosystem.contracts.ItemsPage;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** events-service's public API (no login): published events, self-registration and the private link. */
@HttpExchange
public interface PublicEventsApi {

    @GetExchange("/public/events")
    ItemsPage<PublicEventResponse> published(@RequestParam int page, @RequestParam int size);

    @GetExchange("/public/events/{id}")
    PublicEventResponse published(@PathVariable String id);

    /** The answer ({@link RegistrationReceived}) is the same for every accepted form, so a page reads nothing of it. */
    @PostExchange("/public/events/{eventId}/registrations")
    void register(@PathVariable String eventId, @RequestBody SelfRegistrationRequest registration);

    @GetExchange("/public/registrations/{token}")
    PrivateRegistrationView registration(@PathVariable String token);

    @DeleteExchange("/public/registrations/{token}")
    PrivateRegistrationView cancel(@PathVariable String token);

    /** Takes the place offered from the waiting list; 409 (code offer-not-open) when the offer expired or was answered. */
    @PostExchange("/public/registrations/{token}/offer/accept")
    PrivateRegistrationView acceptOffer(@PathVariable String token);

    /** Declines the place offered from the waiting list (it goes to the next waiting); 409 offer-not-open as above. */
    @PostExchange("/public/registrations/{token}/offer/decline")
    PrivateRegistrationView declineOffer(@PathVariable String token);

    /** A certificate of attendance's code confirmed; 404 for a code nobody holds. */
    @GetExchange("/public/certificates/{code}")
    CertificateCheck certificate(@PathVariable String code);
}
