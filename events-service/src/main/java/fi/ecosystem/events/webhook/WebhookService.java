package fi.ecosystem.events.webhook;

import fi.ecosystem.events.webhook.WebhookDelivery.Status;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.CodedAccessDenied;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.InvalidFields;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The integrator's use cases: its endpoints (only its own: another client's answer 404) and their deliveries.
 * Only integrator clients have endpoints; a city user gets 403 {@code integrator-needed}.
 */
@Service
public class WebhookService {

    /** What a client asks for when it creates or changes an endpoint. */
    public record EndpointRequest(String url, List<String> eventTypes, String contactEmail, String description, Boolean enabled) {
    }

    /** A new endpoint with its secret: the only answer that shows it. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TYPES = 50;
    private static final int MAX_PAGE = 200;

    private final WebhookStore store;
    private final WebhookSettings settings;

    WebhookService(WebhookStore store, WebhookSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public Created create(CityUser client, EndpointRequest request) {
        requireIntegrator(client);
        List<String> types = validated(client, request);
        if (store.countEndpointsOf(client.subject()) >= settings.endpointsPerClient()) {
            throw new DomainRuleViolation("webhook-endpoint-limit",
                    "A client may have at most " + settings.endpointsPerClient() + " endpoints");
        }
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        WebhookEndpoint endpoint = store.insert(new WebhookEndpoint(UUID.randomUUID().toString(), client.subject(),
                client.displayName(), client.cities(), client.scopes(), request.url().strip(), types,
                request.contactEmail().strip(), blankToNull(request.description()), secret,
                request.enabled() == null || request.enabled(), null, now, now, null));
        return new Created(endpoint, secret);
    }

    public List<WebhookEndpoint> list(CityUser client) {
        requireIntegrator(client);
        return store.endpointsOf(client.subject());
    }

    public WebhookEndpoint get(CityUser client, String id) {
        requireIntegrator(client);
        return store.endpoint(id).filter(endpoint -> endpoint.owner().equals(client.subject()))
                .orElseThrow(() -> new NotFoundException("Webhook endpoint " + id));
    }

    /**
     * Changes the endpoint; the client's cities and scopes are taken anew from this token. Turning it on again clears
     * why it was turned off (what failed meanwhile is replayed on request).
     */
    public WebhookEndpoint update(CityUser client, String id, EndpointRequest request) {
        WebhookEndpoint current = get(client, id);
        List<String> types = validated(client, request);
        boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
        return store.save(new WebhookEndpoint(current.id(), current.owner(), client.displayName(), client.cities(), client.scopes(),
                request.url().strip(), types, request.contactEmail().strip(), blankToNull(request.description()),
                current.secret(), enabled, enabled ? null : current.enabled() ? "turned off by the client" : current.disabledReason(),
                current.createdAt(), Instant.now(), current.version()));
    }

    public void delete(CityUser client, String id) {
        store.delete(get(client, id));
    }

    public List<WebhookDelivery> deliveries(CityUser client, String id, Status status, int page, int size) {
        WebhookEndpoint endpoint = get(client, id);
        return store.deliveries(endpoint.id(), status, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE));
    }

    public WebhookDelivery delivery(CityUser client, String id, String deliveryId) {
        WebhookEndpoint endpoint = get(client, id);
        return store.delivery(endpoint.id(), deliveryId).orElseThrow(() -> new NotFoundException("Delivery " + deliveryId));
    }

    /** Sends one delivered or given-up delivery again (a new day of attempts; in order with its aggregate's others). */
    public WebhookDelivery replay(CityUser client, String id, String deliveryId) {
        WebhookEndpoint endpoint = enabled(get(client, id));
        WebhookDelivery delivery = delivery(client, id, deliveryId);
        if (delivery.status() == Status.PENDING) {
            throw new DomainRuleViolation("webhook-delivery-pending", "The delivery is still being tried");
        }
        Instant now = Instant.now();
        store.replay(endpoint.id(), List.of(deliveryId), List.of(Status.DELIVERED, Status.FAILED), null, null, now,
                now.plus(settings.retryWindow()));
        return delivery(client, id, deliveryId);
    }

    /** Sends many again: those of a status (default: the given up ones) created in [from, to); returns how many. */
    public long replayAll(CityUser client, String id, Status status, Instant from, Instant to) {
        WebhookEndpoint endpoint = enabled(get(client, id));
        if (status == Status.PENDING) {
            throw InvalidFields.of("status", "webhook-replay-status", "Only DELIVERED or FAILED deliveries can be replayed");
        }
        Collection<Status> statuses = status == null ? List.of(Status.FAILED) : List.of(status);
        Instant now = Instant.now();
        return store.replay(endpoint.id(), null, statuses, from, to, now, now.plus(settings.retryWindow()));
    }

    private static WebhookEndpoint enabled(WebhookEndpoint endpoint) {
        if (!endpoint.enabled()) {
            throw new DomainRuleViolation("webhook-endpoint-disabled", "Turn the endpoint on before replaying to it");
        }
        return endpoint;
    }

    private List<String> validated(CityUser client, EndpointRequest request) {
        List<InvalidFields.FieldError> errors = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            errors.add(new InvalidFields.FieldError("url", "NotBlank", "The endpoint's URL is needed"));
        } else {
            settings.targets().refusal(request.url().strip()).ifPresent(code -> errors.add(new InvalidFields.FieldError("url", code,
                    switch (code) {
                        case "webhook-url-not-https" -> "The endpoint must be an https URL";
                        case "webhook-url-private" -> "The endpoint must be on a public address";
                        default -> "The endpoint's URL is not a valid absolute URL";
                    })));
        }
        if (request.contactEmail() == null || !EMAIL.matcher(request.contactEmail().strip()).matches()) {
            errors.add(new InvalidFields.FieldError("contactEmail", "webhook-contact-email-invalid",
                    "An e-mail address to tell when the endpoint is disabled is needed"));
        }
        Set<String> types = new LinkedHashSet<>();
        if (request.eventTypes() == null || request.eventTypes().isEmpty() || request.eventTypes().size() > MAX_TYPES) {
            errors.add(new InvalidFields.FieldError("eventTypes", "webhook-event-types-missing",
                    "Between 1 and " + MAX_TYPES + " event types are needed"));
        } else {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                String type = request.eventTypes().get(i) == null ? "" : request.eventTypes().get(i).strip().toLowerCase(Locale.ROOT);
                if (WebhookAccess.areaOf(type).isEmpty()) {
                    errors.add(new InvalidFields.FieldError("eventTypes[" + i + "]", "webhook-event-type-unknown",
                            "Not an event type: " + type + " (e.g. event.changed, registration.*)"));
                } else if (!WebhookAccess.mayReceive(client.scopes(), type)) {
                    errors.add(new InvalidFields.FieldError("eventTypes[" + i + "]", "webhook-event-type-not-permitted",
                            "The client lacks the scope " + WebhookAccess.areaOf(type).get() + ":read for " + type));
                } else {
                    types.add(type);
                }
            }
        }
        if (request.description() != null && request.description().length() > 500) {
            errors.add(new InvalidFields.FieldError("description", "Size", "At most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return List.copyOf(types);
    }

    private static void requireIntegrator(CityUser user) {
        if (!user.integrator()) {
            throw new CodedAccessDenied("integrator-needed", "Webhooks are for integrator clients");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
