package fi.ecosystem.events.webhook;

import fi.ecosystem.contracts.EventEnvelope;
import fi.ecosystem.events.webhook.WebhookDelivery.Status;
import java.time.Instant;
import java.util.Map;

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
        int queued = 0;
        Instant now = Instant.now();
        for (WebhookEndpoint endpoint : store.enabledFor(opened.type())) {
            if (!WebhookAccess.mayReceive(endpoint.scopes(), endpoint.cities(), opened.type(), opened.cities())) {
                continue;
            }
            boolean personal = WebhookAccess.mayReceivePersonalData(endpoint.scopes(), opened.type());
            Map<String, Object> data = personal ? sealedData : WebhookAccess.withoutPersonalData(opened.type(), opened.data());
            String aggregate = opened.subject() == null ? opened.id() : opened.subject();
            WebhookDelivery delivery = new WebhookDelivery(endpoint.id() + ":" + opened.id(), endpoint.id(), endpoint.owner(),
                    opened.id(), opened.type(), opened.version(), opened.time(), opened.source(), aggregate, opened.cities(),
                    opened.traceparent(), data, personal, store.nextSequence(endpoint.id(), aggregate), Status.PENDING, 0, now,
                    now, now.plus(schedule.window()), now, null, null, null, null, null, null);
            if (store.queue(delivery)) {
                queued++;
            }
        }
        return queued;
    }
}
