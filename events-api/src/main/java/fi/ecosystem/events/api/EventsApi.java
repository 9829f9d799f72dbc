package fi.ecosystem.events.api;

import fi.ecosystem.contracts.ItemsPage;
import java.time.Instant;
import java.util.Collection;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * events-service's staff API ({@code /api/events}) as a client calls it (a proxy from Spring's
 * HttpServiceProxyFactory). The records are the ones the service's controllers answer and accept.
 */
@HttpExchange("/api/events")
public interface EventsApi {

    /** Sort orders of {@link #registrations}: the order they came (the waiting list's order), or by last name. */
    String ARRIVAL = "arrival";
    String NAME = "name";

    @GetExchange
    ItemsPage<EventResponse> list(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Collection<EventStatus> status,
            @RequestParam(required = false) String projectId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size);

    @GetExchange("/{id}")
    EventResponse get(@PathVariable String id);

    @PostExchange
    EventResponse draft(@RequestBody EventRequest event);

    @PutExchange("/{id}")
    EventResponse edit(@PathVariable String id, @RequestBody EventRequest event);

    @PostExchange("/{id}/publish")
    EventResponse publish(@PathVariable String id);

    @PostExchange("/{id}/cancel")
    EventResponse cancel(@PathVariable String id);

    @PostExchange("/{id}/complete")
    EventResponse complete(@PathVariable String id);

    /**
     * A page of the event's registrations; {@code status} and {@code q} (words each found in the name, e-mail or
     * organisation) narrow them, {@code order} is {@link #ARRIVAL} (default) or {@link #NAME}.
     */
    @GetExchange("/{eventId}/registrations")
    ItemsPage<RegistrationResponse> registrations(@PathVariable String eventId,
            @RequestParam(required = false) Collection<RegistrationStatus> status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String order, @RequestParam int page, @RequestParam int size);

    @GetExchange("/{eventId}/registrations/counts")
    RegistrationCounts counts(@PathVariable String eventId);

    @PostExchange("/{eventId}/registrations")
    RegistrationResponse register(@PathVariable String eventId, @RequestBody RegisterRequest registration);

    @PostExchange("/{eventId}/registrations/{registrationId}/cancel")
    RegistrationResponse cancelRegistration(@PathVariable String eventId, @PathVariable String registrationId);

    @PostExchange("/{eventId}/registrations/{registrationId}/attendance")
    RegistrationResponse attendance(@PathVariable String eventId, @PathVariable String registrationId,
            @RequestBody AttendanceRequest attendance);

    @PostExchange(url = "/{eventId}/registrations/import", contentType = "text/csv;charset=UTF-8")
    ImportReport importCsv(@PathVariable String eventId, @RequestBody String csv);

    /** A completed growth programme's certificates of attendance mailed to everyone who completed it. */
    @PostExchange("/{eventId}/certificates/send")
    void sendCertificates(@PathVariable String eventId);
}
