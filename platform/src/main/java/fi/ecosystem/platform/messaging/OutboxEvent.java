package fi.ecosystem.platform.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event waiting in its aggregate's document ({@code pendingEvents}) until the relay has published it.
 * Because it is stored in the same document as the change that caused it, one atomic single-document
 * write saves both: no multi-document transaction is needed, on the embedded store or a replica set.
 */
public record OutboxEvent(
        String eventId,
        String topic,
        String key,
        String type,
        int version,
        Instant time,
        List<String> cities,
        String traceparent,
        Map<String, Object> data) {
}
