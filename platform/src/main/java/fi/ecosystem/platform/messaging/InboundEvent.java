package fi.ecosystem.platform.messaging;

import fi.ecosystem.contracts.EventEnvelope;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * A received envelope with typed access to its payload. Sealed personal data is opened when first asked for (the
 * payload, the opened envelope, whether the person was erased), not on receipt: a subscription that passes an
 * event over by its type, or a handler that already handled it, reads no key.
 */
public final class InboundEvent {

    private final EventEnvelope received;
    private final JsonMapper json;
    /** Opens the sealed parts of the received envelope; null once opened (or when nothing needs opening). */
    private Function<EventEnvelope, Opened> opener;
    /** The events this one is opened together with, when it is; see {@link #openTogether}. */
    private Together together;
    private EventEnvelope envelope;
    private boolean personalDataErased;
    /** When Kafka took the event from the producer (its record's timestamp); null when not known. */
    private java.time.Instant published;

    /** The envelope as opened, and whether a person it named was erased (their key is gone). */
    record Opened(EventEnvelope envelope, boolean personalDataErased) {
    }

    /** An envelope with nothing sealed in it, or opened already. */
    InboundEvent(EventEnvelope envelope, JsonMapper json, boolean personalDataErased) {
        this.received = envelope;
        this.envelope = envelope;
        this.json = json;
        this.personalDataErased = personalDataErased;
    }

    /** An envelope as it travelled, opened by {@code opener} when first needed. */
    InboundEvent(EventEnvelope received, JsonMapper json, Function<EventEnvelope, Opened> opener) {
        this.received = received;
        this.json = json;
        this.opener = opener;
    }

    private void open() {
        if (together != null) {
            try {
                together.open();
                return;
            } catch (RuntimeException oneOfThem) {
                // one of them does not open (tampered with): each is opened alone, the one that fails fails alone
            }
        }
        if (opener != null) {
            take(opener.apply(received));
        }
    }

    private void take(Opened opened) {
        envelope = opened.envelope();
        personalDataErased = opened.personalDataErased();
        opener = null;
        together = null;
    }

    /**
     * The events of one handling: the first of them opened opens those of them still sealed with {@code openAll},
     * one read of their people's keys instead of one per event. Keys so read are used only by this handling.
     */
    static void openTogether(List<InboundEvent> events, Function<List<EventEnvelope>, List<Opened>> openAll) {
        List<InboundEvent> sealed = events.stream().filter(event -> event.opener != null).distinct().toList();
        // a group of one reads as much as the event alone; either way no longer with the events of an earlier group
        Together together = sealed.size() < 2 ? null : new Together(sealed, openAll);
        sealed.forEach(event -> event.together = together);
    }

    /** Events opened together, see {@link #openTogether}. */
    private record Together(List<InboundEvent> events, Function<List<EventEnvelope>, List<Opened>> openAll) {

        void open() {
            List<InboundEvent> pending = events.stream().filter(event -> event.together == this).toList();
            List<Opened> opened;
            try {
                opened = openAll.apply(pending.stream().map(event -> event.received).toList());
            } catch (RuntimeException oneOfThem) {
                pending.forEach(event -> event.together = null);
                throw oneOfThem;
            }
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).take(opened.get(i));
            }
        }
    }

    /**
     * The payload as it travelled, its personal fields still sealed: for a consumer that keeps the event to pass
     * it on later (webhooks), so that what it stores is shredded with the person's key like the topic itself.
     */
    public Map<String, Object> sealedData() {
        return received.data();
    }

    /**
     * The envelope as it travelled, its personal fields still sealed: its id, type, time, subject, cities and
     * trace context are read from here without opening anything.
     */
    public EventEnvelope received() {
        return received;
    }

    /**
     * The event named a person who has since been erased: their key is gone, so the payload comes without
     * its personal fields (e.g. a registration without its participant). Consumers skip what they would
     * have done with them.
     */
    public boolean personalDataErased() {
        open();
        return personalDataErased;
    }

    /** The envelope with its personal fields opened. */
    public EventEnvelope envelope() {
        open();
        return envelope;
    }

    public String id() {
        return received.id();
    }

    public String type() {
        return received.type();
    }

    /** When Kafka took the event from the producer's relay (the record's timestamp), or null when not known. */
    public java.time.Instant published() {
        return published;
    }

    InboundEvent published(java.time.Instant at) {
        this.published = at;
        return this;
    }

    /** When the event happened at its source; events from before the envelope carried it count as now. */
    public java.time.Instant occurredAt() {
        return received.time() == null ? java.time.Instant.now() : received.time();
    }

    public boolean is(String type) {
        return type.equals(received.type());
    }

    public <T> T payload(Class<T> type) {
        return payload(envelope().data(), type);
    }

    /**
     * The payload without opening its sealed personal fields, which are null in it: for a handler that needs only
     * what travels in clear (ids, status, times), so that it reads no key. An event that names nobody reads whole.
     */
    public <T> T clearPayload(Class<T> type) {
        return payload(envelope != null ? envelope.data() : received.data(), type);
    }

    private <T> T payload(Map<String, Object> data, Class<T> type) {
        try {
            return json.convertValue(data, type);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("Payload of " + received.type() + " " + received.id()
                    + " is not a " + type.getSimpleName(), e);
        }
    }
}
