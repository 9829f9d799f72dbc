package fi.ecosystem.platform.messaging;

import fi.ecosystem.platform.privacy.PersonalDataSeal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place of the outbox bookkeeping. Every write of an aggregate with events goes through here twice:
 * before it, {@link #pending} gives each recorded event its id, time, trace context and sealed personal data;
 * after it, {@link #written} hints the relay at the aggregates and wakes it. Used only by {@link OutboxCallbacks}
 * (saves) and {@link AtomicChanges} (guarded updates): services record events on their aggregates and never
 * call this themselves.
 */
public class Outbox {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;
    private final BiPredicate<String, Document> publishNow;
    private final Runnable wakeRelay;
    private final Consumer<String> hintRelay;
    private final Supplier<String> traceparent;
    private final PersonalDataSeal seal;

    /**
     * @param traceparent the W3C trace context of the current request, or null outside one; stored with
     *                    the event so that the trace continues when the relay publishes it later
     */
    public Outbox(JsonMapper json, Runnable wakeRelay, Supplier<String> traceparent) {
        this(json, wakeRelay, aggregateId -> { }, traceparent, null);
    }

    /**
     * @param hintRelay told the key (the aggregate's id) of each written event, so the relay finds it without a scan
     * @param seal      seals the personal fields of payloads (contracts' {@code PersonalData}); null sends them as they are
     */
    public Outbox(JsonMapper json, Runnable wakeRelay, Consumer<String> hintRelay, Supplier<String> traceparent,
            PersonalDataSeal seal) {
        this(json, (collection, written) -> false, wakeRelay, hintRelay, traceparent, seal);
    }

    /**
     * @param publishNow given the collection and the document a save wrote, when it holds only the events that save
     *                   stored; sends them at once and says so, or says it did not ({@link OutboxRelay#publishWritten})
     */
    public Outbox(JsonMapper json, BiPredicate<String, Document> publishNow, Runnable wakeRelay,
            Consumer<String> hintRelay, Supplier<String> traceparent, PersonalDataSeal seal) {
        this.json = json;
        this.publishNow = publishNow;
        this.wakeRelay = wakeRelay;
        this.hintRelay = hintRelay;
        this.traceparent = traceparent;
        this.seal = seal;
    }

    /** The stored form of a recorded event; personal data is sealed already here, so it is never stored or sent in clear. */
    OutboxEvent pending(RecordedEvent recorded) {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = json.convertValue(recorded.payload(), MAP);
        return new OutboxEvent(eventId, recorded.topic(), recorded.key(), recorded.type(), recorded.version(),
                Instant.now(), recorded.cities(), traceparent.get(),
                seal == null ? data : seal.seal(eventId, recorded.type(), data));
    }

    /**
     * After a save or insert of an aggregate ({@code written} as written, {@code stored} the events that write stored):
     * when the document holds no other pending event, the events are published at once by the writing thread;
     * otherwise (older events wait, or the relay declines) the relay is hinted and woken, and sends them all in order.
     */
    void saved(String collection, Document written, List<OutboxEvent> stored) {
        List<Document> pending = written.getList(OutboxRelay.PENDING, Document.class, List.of());
        if (pending.isEmpty()) {
            return;
        }
        boolean onlyTheseEvents = pending.size() == stored.size() && IntStream.range(0, stored.size())
                .allMatch(i -> stored.get(i).eventId().equals(pending.get(i).getString("eventId")));
        if (onlyTheseEvents && publishNow.test(collection, written)) {
            return;
        }
        written(pending.stream().map(event -> event.getString("key")).distinct().toList());
    }

    /** After the write that stored events of these aggregates: the relay looks them up at once instead of at the next poll. */
    void written(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        keys.forEach(hintRelay);
        wakeRelay.run();
    }

    void written(String key) {
        written(List.of(key));
    }
}
