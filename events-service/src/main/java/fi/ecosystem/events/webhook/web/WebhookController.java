package fi.ecosystem.events.webhook.web;

import fi.ecosystem.events.webhook.WebhookDelivery;
import fi.ecosystem.events.webhook.WebhookEndpoint;
import fi.ecosystem.events.webhook.WebhookService;
import fi.ecosystem.events.webhook.WebhookService.EndpointRequest;
import fi.ecosystem.platform.security.CityUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An integrator's webhook endpoints and their delivery log (Standard Webhooks signatures; see docs/architecture.md). */
@RestController
@Validated
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Integrator clients receive the events they may read, signed, at their own endpoints")
class WebhookController {

    /** An endpoint as its client sees it; the secret only in the answer that created it. */
    record EndpointResponse(String id, String url, List<String> eventTypes, String contactEmail, String description,
            boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt, String secret) {

        static EndpointResponse of(WebhookEndpoint endpoint, String secret) {
            return new EndpointResponse(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.contactEmail(),
                    endpoint.description(), endpoint.enabled(), endpoint.disabledReason(), endpoint.createdAt(),
                    endpoint.updatedAt(), secret);
        }
    }

    /** One delivery's log line: the event, its status, attempts, the last answer or error, and the times. */
    record DeliveryResponse(String id, String eventId, String type, String aggregate, long sequence, String status,
            int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
            Instant deliveredAt, Instant giveUpAt) {

        static DeliveryResponse of(WebhookDelivery delivery) {
            return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.type(), delivery.aggregate(),
                    delivery.sequence(), delivery.status().name(), delivery.attempts(), delivery.createdAt(),
                    delivery.status() == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt() : null,
                    delivery.lastAttemptAt(), delivery.lastStatus(), delivery.lastError(), delivery.deliveredAt(),
                    delivery.giveUpAt());
        }
    }

    /** Which deliveries to send again: of a status (default FAILED), created in [from, to). */
    record ReplayRequest(WebhookDelivery.Status status, Instant from, Instant to) {
    }

    /** How many deliveries were queued again. */
    record ReplayResult(long replayed) {
    }

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Register an endpoint for event types",
            description = "Types such as `event.changed`, `registration.confirmed` or `registration.*`; the client needs the "
                    + "read scope of their area. The answer's `secret` (`whsec_…`) signs every delivery and is shown only here.")
    ResponseEntity<EndpointResponse> create(@Parameter(hidden = true) CityUser client, @RequestBody EndpointRequest request) {
        WebhookService.Created created = webhooks.create(client, request);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.endpoint().id()))
                .body(EndpointResponse.of(created.endpoint(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "The client's own endpoints")
    List<EndpointResponse> list(@Parameter(hidden = true) CityUser client) {
        return webhooks.list(client).stream().map(endpoint -> EndpointResponse.of(endpoint, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the client's endpoints")
    EndpointResponse get(@Parameter(hidden = true) CityUser client, @PathVariable String id) {
        return EndpointResponse.of(webhooks.get(client, id), null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint, or turn it on (`enabled: true`) after it was disabled")
    EndpointResponse update(@Parameter(hidden = true) CityUser client, @PathVariable String id,
            @RequestBody EndpointRequest request) {
        return EndpointResponse.of(webhooks.update(client, id, request), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an endpoint with its deliveries")
    ResponseEntity<Void> delete(@Parameter(hidden = true) CityUser client, @PathVariable String id) {
        webhooks.delete(client, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first: status, attempts, last answer or error, times")
    List<DeliveryResponse> deliveries(@Parameter(hidden = true) CityUser client, @PathVariable String id,
            @RequestParam(required = false) WebhookDelivery.Status status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return webhooks.deliveries(client, id, status, page, size).stream().map(DeliveryResponse::of).toList();
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery")
    DeliveryResponse delivery(@Parameter(hidden = true) CityUser client, @PathVariable String id, @PathVariable String deliveryId) {
        return DeliveryResponse.of(webhooks.delivery(client, id, deliveryId));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send one delivered or given-up delivery again")
    ResponseEntity<DeliveryResponse> replay(@Parameter(hidden = true) CityUser client, @PathVariable String id,
            @PathVariable String deliveryId) {
        return ResponseEntity.accepted().body(DeliveryResponse.of(webhooks.replay(client, id, deliveryId)));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send many again: those of a status (default FAILED) created in [from, to)")
    ResponseEntity<ReplayResult> replayAll(@Parameter(hidden = true) CityUser client, @PathVariable String id,
            @RequestBody(required = false) ReplayRequest request) {
        ReplayRequest asked = request == null ? new ReplayRequest(null, null, null) : request;
        return ResponseEntity.accepted().body(new ReplayResult(webhooks.replayAll(client, id, asked.status(), asked.from(),
                asked.to())));
    }
}
