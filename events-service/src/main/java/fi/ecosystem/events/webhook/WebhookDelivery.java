package fi.ecosystem.events.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one endpoint, as its own document (no list that grows in the endpoint): the envelope as it
 * travelled on Kafka, and the log of its attempts. Personal fields stay sealed with the person's key
 * ({@code sealed}), so an erasure shreds them here too; a client without the scope for them gets a payload
 * stored without them.
 *
 * @param id            {@code <endpoint>:<event id>}, so a redelivered event is queued once
 * @param aggregate     the envelope's subject (the Kafka key): deliveries of one aggregate go in {@code sequence} order
 * @param sequence      the place of the event among this endpoint's events of the aggregate
 * @param nextAttemptAt when it may be tried (again); {@code leaseUntil}: a replica is sending it until then
 * @param giveUpAt      a day after the first attempt (or the replay): failing after it, it is given up
 * @param finishedAt    when it was delivered or given up: such deliveries are kept 30 days (TTL index)
 */
@Document(WebhookDelivery.COLLECTION)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "queue", def = "{'endpointId': 1, 'aggregate': 1, 'sequence': 1}")
@CompoundIndex(name = "log", def = "{'endpointId': 1, 'createdAt': -1}")
public record WebhookDelivery(
        @Id String id,
        String endpointId,
        String owner,
        String eventId,
        String type,
        int eventVersion,
        Instant eventTime,
        String source,
        String aggregate,
        List<String> cities,
        String traceparent,
        Map<String, Object> data,
        boolean sealed,
        long sequence,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant giveUpAt,
        Instant leaseUntil,
        String leaseOwner,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt,
        @Indexed(expireAfter = "30d") Instant finishedAt) {

    public static final String COLLECTION = "webhook_deliveries";

    public enum Status {
        /** waiting for its (next) attempt, or for the aggregate's earlier delivery */
        PENDING,
        /** the endpoint answered 2xx */
        DELIVERED,
        /** failed for a day: given up (replayable) */
        FAILED
    }
}
