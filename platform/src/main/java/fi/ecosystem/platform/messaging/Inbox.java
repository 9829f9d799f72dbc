package fi.ecosystem.platform.messaging;

import fi.ecosystem.contracts.EventEnvelope;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent consumption: each handler sees an event id once. Kafka delivers at least once (and the
 * outbox may publish twice), so a marker per (handler, event id) in {@code processed_events} is written
 * after the handler succeeded and checked before it runs. Handlers keep their own writes idempotent for
 * the narrow window of a crash between their write and the marker (replace-style read models, or an
 * update guarded by the event id in the same document).
 */
public class Inbox {

    static final String PROCESSED = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final PersonalDataSeal seal;
    private final MeterRegistry meters;
    private EventTracing tracing = new EventTracing(io.micrometer.tracing.Tracer.NOOP,
            io.micrometer.tracing.propagation.Propagator.NOOP);

    /**
     * @param retention how long markers are kept: longer than Kafka keeps messages, after which no
     *                  redelivery can come (a TTL index removes older ones)
     */
    public Inbox(MongoTemplate mongo, JsonMapper json, Duration retention) {
        this(mongo, json, retention, (MeterRegistry) null);
    }

    /**
     * @param meters where {@code ecosystem.inbox.propagation} goes: per handler, the time from an event's
     *               creation in the producer's outbox to the end of its handling here, as a histogram from 1 ms
     *               to 10 minutes (buckets add up across replicas and can be compared between two moments)
     */
    public Inbox(MongoTemplate mongo, JsonMapper json, Duration retention, MeterRegistry meters) {
        this(mongo, json, retention, meters, null);
    }

    /** @param seal opens the sealed personal fields of payloads; null leaves them sealed */
    public Inbox(MongoTemplate mongo, JsonMapper json, Duration retention, MeterRegistry meters, PersonalDataSeal seal) {
        this.mongo = mongo;
        this.json = json;
        this.meters = meters;
        this.seal = seal;
        try {
            mongo.indexOps(PROCESSED).createIndex(new Index().on("handledAt", Sort.Direction.ASC).expire(retention));
        } catch (RuntimeException storeWithoutTtl) {
            log.warn("No TTL index on {}: markers are kept: {}", PROCESSED, storeWithoutTtl.getMessage());
        }
    }

    /** Where batch handlers report a consumer span per event (record listeners have Kafka's observation). */
    public void setTracing(EventTracing tracing) {
        this.tracing = tracing;
    }

    EventTracing tracing() {
        return tracing;
    }

    /** A handler of the topic's events, declared as a bean (see {@link Subscription}). */
    public Subscription.Builder subscribe(String topic) {
        return Subscription.builder(this, topic);
    }

    /** Reads the envelope; anything that is not one is poison and goes to the dead-letter topic. */
    public InboundEvent receive(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonMessageException("Empty message at " + record.topic() + "@" + record.offset(), null);
        }
        EventEnvelope envelope;
        try {
            envelope = json.readValue(record.value(), EventEnvelope.class);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("Not an event envelope at " + record.topic() + "@" + record.offset(), e);
        }
        InboundEvent event = seal == null ? new InboundEvent(envelope, json, false) : new InboundEvent(envelope, json, this::open);
        return event.published(record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null);
    }

    /** Opens the sealed parts of an envelope; a part that does not open is poison (it was tampered with). */
    private InboundEvent.Opened open(EventEnvelope envelope) {
        return openAll(List.of(envelope)).get(0);
    }

    /** Opens the sealed parts of several envelopes with one read of the keys; one that does not open makes them all poison. */
    private List<InboundEvent.Opened> openAll(List<EventEnvelope> envelopes) {
        List<PersonalDataSeal.Opened> opened;
        try {
            opened = seal.openAll(envelopes.stream().map(envelope -> new PersonalDataSeal.Sealed(envelope.id(), envelope.data()))
                    .toList());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Sealed personal data of " + (envelopes.size() == 1 ? envelopes.get(0).id()
                    : "one of " + envelopes.size() + " events") + " does not open", e);
        }
        List<InboundEvent.Opened> result = new ArrayList<>(opened.size());
        for (int i = 0; i < opened.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            result.add(new InboundEvent.Opened(new EventEnvelope(envelope.id(), envelope.type(), envelope.version(),
                    envelope.time(), envelope.source(), envelope.subject(), envelope.cities(), envelope.traceparent(),
                    opened.get(i).data()), opened.get(i).erased()));
        }
        return result;
    }

    /** The events of one batch handling are opened together when the handler opens the first of them. */
    void openTogether(List<InboundEvent> events) {
        if (seal != null) {
            InboundEvent.openTogether(events, this::openAll);
        }
    }

    /** Runs the handler unless this handler has already handled this event; returns whether it ran. */
    public boolean once(String handler, InboundEvent event, Consumer<InboundEvent> action) {
        String markerId = handler + ":" + event.id();
        // a find by _id, not exists(): that is a count, which goes through the aggregation framework
        Query marker = new Query(Criteria.where("_id").is(markerId));
        marker.fields().include("_id");
        if (mongo.findOne(marker, Document.class, PROCESSED) != null) {
            return false;
        }
        action.accept(event);
        recordPropagation(handler, event);
        try {
            mongo.insert(new Document("_id", markerId).append("handler", handler).append("eventId", event.id())
                    .append("type", event.type()).append("handledAt", Date.from(Instant.now())), PROCESSED);
        } catch (DuplicateKeyException handledConcurrently) {
            // another consumer instance handled it at the same moment; the handler's own guard kept it single
        }
        return true;
    }

    /**
     * Runs the handler once on those of the events this handler has not handled yet, in their order: one read
     * of the markers before and one bulk insert of them after, instead of two round trips per event. An event
     * id twice in the list (a redelivery within one batch) counts once. Returns the events handled. A handler that
     * fails after some of its events took effect says which with a {@link PartlyHandledException}: those are marked
     * before it goes on.
     */
    public List<InboundEvent> onceAll(String handler, List<InboundEvent> events, Consumer<List<InboundEvent>> action) {
        Map<String, InboundEvent> byMarker = new LinkedHashMap<>();
        for (InboundEvent event : events) {
            byMarker.putIfAbsent(handler + ":" + event.id(), event);
        }
        if (byMarker.isEmpty()) {
            return List.of();
        }
        Query handled = new Query(Criteria.where("_id").in(byMarker.keySet()));
        handled.fields().include("_id");
        for (Document marker : mongo.find(handled, Document.class, PROCESSED)) {
            byMarker.remove(marker.getString("_id"));
        }
        List<InboundEvent> fresh = List.copyOf(byMarker.values());
        if (fresh.isEmpty()) {
            return fresh;
        }
        openTogether(fresh);
        try {
            action.accept(fresh);
        } catch (PartlyHandledException partly) {
            mark(handler, fresh.stream().filter(partly::handled).toList());
            throw partly;
        }
        mark(handler, fresh);
        return fresh;
    }

    /** Inserts the markers of handled events in one unordered bulk write, and times their propagation. */
    private void mark(String handler, List<InboundEvent> handled) {
        if (handled.isEmpty()) {
            return;
        }
        Date now = Date.from(Instant.now());
        List<Document> markers = new ArrayList<>(handled.size());
        for (InboundEvent event : handled) {
            recordPropagation(handler, event);
            markers.add(new Document("_id", handler + ":" + event.id()).append("handler", handler)
                    .append("eventId", event.id()).append("type", event.type()).append("handledAt", now));
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PROCESSED).insert(markers).execute();
        } catch (DuplicateKeyException | BulkOperationException handledConcurrently) {
            // another consumer instance marked some at the same moment; the unordered bulk wrote the others
        }
    }

    /**
     * Two histograms per handler: from the event's creation in the producer's outbox, and from Kafka's taking it
     * (the record's timestamp). The first less the second is the time the event waited in the outbox; the second is
     * the consumer's lag and handling.
     */
    private void recordPropagation(String handler, InboundEvent event) {
        if (meters == null) {
            return;
        }
        Instant now = Instant.now();
        if (event.received().time() != null) {
            histogram("ecosystem.inbox.propagation", "From an event's creation in the producer's outbox to the end of its handling",
                    handler).record(since(event.received().time(), now));
        }
        if (event.published() != null) {
            histogram("ecosystem.inbox.delivery", "From Kafka's taking an event from the producer to the end of its handling",
                    handler).record(since(event.published(), now));
        }
    }

    private Timer histogram(String name, String description, String handler) {
        return Timer.builder(name).description(description).tag("handler", handler)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    private static Duration since(Instant then, Instant now) {
        Duration between = Duration.between(then, now);
        return between.isNegative() ? Duration.ZERO : between;
    }
}
