package fi.ecosystem.platform.messaging;

import fi.ecosystem.platform.privacy.PersonalDataSeal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    private final Consumer<String> hintRelay;
    private final Supplier<String> traceparent;
    private final PersonalDataSeal seal;

    /**
     * @param traceparent the W3C trace context of the current request, or null outside one; stored with
     *                    the event so that the trace continues when the relay publishes it later
     */
    public Outbox(JsonMapper json, Runnable wakeRelay, Supplier<String> traceparent) {
        this(json, wakeRelay, aggregateId -> { }, traceparent);
    }

    /** @param hintRelay told the key (the aggregate's id) of each new event, so the relay finds it without a scan */
    public Outbox(JsonMapper json, Runnable wakeRelay, Consumer<String> hintRelay, Supplier<String> traceparent) {
        this(json, wakeRelay, hintRelay, traceparent, null);
    }

    /** @param seal seals the personal fields of payloads (contracts' {@code PersonalData}); null sends them as they are */
    public Outbox(JsonMapper json, Runnable wakeRelay, Consumer<String> hintRelay, Supplier<String> traceparent,
            PersonalDataSeal seal) {
        this.json = json;
        this.wakeRelay = wakeRelay;
        this.hintRelay = hintRelay;
        this.traceparent = traceparent;
        this.seal = seal;
    }

    /** The event of a change; personal data in its payload is sealed already here, so it is never stored or sent in clear. */
    public OutboxEvent event(String topic, String key, String type, int version, Collection<String> cities,
            Object payload) {
        hintRelay.accept(key);
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = json.convertValue(payload, MAP);
        return new OutboxEvent(eventId, topic, key, type, version, Instant.now(),
                cities == null ? List.of() : List.copyOf(cities), traceparent.get(),
                seal == null ? data : seal.seal(eventId, type, data));
    }

    /** Call after saving an aggregate with new pending events: publishing starts at once instead of at the next poll. */
    public void saved() {
        wakeRelay.run();
    }
}
