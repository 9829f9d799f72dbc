package fi.ecosystem.platform.messaging;

import fi.ecosystem.contracts.EventEnvelope;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A received envelope with typed access to its payload. */
public final class InboundEvent {

    private final EventEnvelope envelope;
    private final JsonMapper json;
    private final boolean personalDataErased;
    private final Map<String, Object> sealedData;

    InboundEvent(EventEnvelope envelope, JsonMapper json, boolean personalDataErased) {
        this(envelope, json, personalDataErased, envelope.data());
    }

    InboundEvent(EventEnvelope envelope, JsonMapper json, boolean personalDataErased, Map<String, Object> sealedData) {
        this.envelope = envelope;
        this.json = json;
        this.personalDataErased = personalDataErased;
        this.sealedData = sealedData;
    }

    /**
     * The payload as it travelled, its personal fields still sealed: for a consumer that keeps the event to pass
     * it on later (webhooks), so that what it stores is shredded with the person's key like the topic itself.
     */
    public Map<String, Object> sealedData() {
        return sealedData;
    }

    /**
     * The event named a person who has since been erased: their key is gone, so the payload comes without
     * its personal fields (e.g. a registration without its participant). Consumers skip what they would
     * have done with them.
     */
    public boolean personalDataErased() {
        return personalDataErased;
    }

    public EventEnvelope envelope() {
        return envelope;
    }

    public String id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    /** When the event happened at its source; events from before the envelope carried it count as now. */
    public java.time.Instant occurredAt() {
        return envelope.time() == null ? java.time.Instant.now() : envelope.time();
    }

    public boolean is(String type) {
        return type.equals(envelope.type());
    }

    public <T> T payload(Class<T> type) {
        try {
            return json.convertValue(envelope.data(), type);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("Payload of " + envelope.type() + " " + envelope.id()
                    + " is not a " + type.getSimpleName(), e);
        }
    }
}
