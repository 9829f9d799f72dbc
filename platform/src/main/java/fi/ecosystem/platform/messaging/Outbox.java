package fi.ecosystem.platform.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates outbox events from the contract records and tells the relay that there is something to send.
 * Services add the returned event to the aggregate's {@code pendingEvents} and save the aggregate.
 */
public class Outbox {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;
    private final Runnable wakeRelay;

    public Outbox(JsonMapper json, Runnable wakeRelay) {
        this.json = json;
        this.wakeRelay = wakeRelay;
    }

    public OutboxEvent event(String topic, String key, String type, int version, Collection<String> cities,
            Object payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, version, Instant.now(),
                cities == null ? List.of() : List.copyOf(cities), currentTraceparent(),
                json.convertValue(payload, MAP));
    }

    /** Call after saving an aggregate with new pending events: publishing starts at once instead of at the next poll. */
    public void saved() {
        wakeRelay.run();
    }

    private static String currentTraceparent() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getHeader("traceparent");
        }
        return null;
    }
}
