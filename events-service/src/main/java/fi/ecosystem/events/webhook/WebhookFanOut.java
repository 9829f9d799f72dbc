package fi.ecosystem.events.webhook;

import fi.ecosystem.contracts.EventEnvelope;
import fi.ecosystem.events.webhook.WebhookDelivery.Status;
import fi.ecosystem.platform.messaging.InboundEvent;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Queues an event from a topic for every enabled endpoint that wants its type and may read it (the access rule,
 * {@link WebhookAccess}). Called once per event id (the inbox); a redelivery after a crash is queued once all the
 * same, as a delivery's id is the endpoint's and the event's.
 */
public class WebhookFanOut {

    private final WebhookStore store;
    private final RetrySchedule schedule;

    public WebhookFanOut(WebhookStore store, RetrySchedule schedule) {
        this.store = store;
        this.schedule = schedule;
    }

    /**
     * @param opened     the envelope with its personal fields opened (by the inbox)
     * @param sealedData its payload as it travelled, personal fields sealed: what is stored for clients that may read them
     * @return how many endpoints it was queued for
     */
    public int queue(EventEnvelope opened, Map<String, Object> sealedData) {
        return queue(opened, sealedData, opened::data, store.enabledFor(opened.type()));
    }

    /**
     * The events of one poll from a topic, in their order, each as above: the endpoints that want any of their types
     * are read once for all of them. An event's personal fields are opened only if an endpoint that may not read them
     * wants it (their payload is then stored without them); a poll no endpoint wants reads no key.
     */
    public int queueAll(List<InboundEvent> events) {
        Set<String> types = new LinkedHashSet<>();
        events.forEach(event -> types.add(event.type()));
        List<WebhookEndpoint> endpoints = types.isEmpty() ? List.of() : store.enabledFor(types);
        int queued = 0;
        for (InboundEvent event : endpoints.isEmpty() ? List.<InboundEvent>of() : events) {
            queued += queue(event.received(), event.sealedData(), () -> event.envelope().data(),
                    endpoints.stream().filter(endpoint -> endpoint.wants(event.type())).toList());
        }
        return queued;
    }

    private int queue(EventEnvelope received, Map<String, Object> sealedData, Supplier<Map<String, Object>> openedData,
            List<WebhookEndpoint> endpoints) {
        int queued = 0;
        Instant now = Instant.now();
        for (WebhookEndpoint endpoint : endpoints) {
            if (!WebhookAccess.mayReceive(endpoint.scopes(), endpoint.cities(), received.type(), received.cities())) {
                continue;
            }
            boolean personal = WebhookAccess.mayReceivePersonalData(endpoint.scopes(), received.type());
            Map<String, Object> data = personal ? sealedData : WebhookAccess.withoutPersonalData(received.type(), openedData.get());
            String aggregate = received.subject() == null ? received.id() : received.subject();
            WebhookDelivery delivery = new WebhookDelivery(endpoint.id() + ":" + received.id(), endpoint.id(), endpoint.owner(),
                    received.id(), received.type(), received.version(), received.time(), received.source(), aggregate,
                    received.cities(), received.traceparent(), data, personal, store.nextSequence(endpoint.id(), aggregate),
                    Status.PENDING, 0, now, now, now.plus(schedule.window()), now, null, null, null, null, null, null);
            if (store.queue(delivery)) {
                queued++;
            }
        }
        return queued;
    }
}
