package fi.ecosystem.platform.messaging;

import fi.ecosystem.contracts.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the pending events of the aggregates in the registered collections, in order per aggregate,
 * and removes each from its document once Kafka has acknowledged it. At-least-once: a crash between the
 * acknowledgement and the removal publishes that event again, which consumers absorb by event id.
 * While Kafka is down the events simply stay pending and go out when it is back.
 * Across replicas, a lease per collection lets one relay work at a time.
 *
 * <p>A write that stored the only events its aggregate holds pending hands them to the producer itself, from the
 * writing thread ({@link #publishWritten}); the relay's thread then only removes them once Kafka has answered. In a
 * burst that thread shares two cores with hundreds of request threads, and events waited in it for most of their
 * way to the consumers (docs/speed.md, fourteenth stop).
 */
public class OutboxRelay implements SmartLifecycle {

    static final String PENDING = "pendingEvents";
    private static final String LEASES = "outbox_leases";
    /** Aggregates per pass and collection. */
    private static final int BATCH = 500;
    /** Hints kept at most; beyond that the full scan finds the aggregates. */
    private static final int MAX_HINTS = 50_000;
    /**
     * Events younger than this are left to the hinted pass of the replica that wrote them (its hint comes right
     * after the write), so the full scan of another replica does not send them a second time.
     */
    private static final Duration LEFT_TO_THE_WRITER = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final List<String> collections;
    private final String source;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Queue<String> hinted = new ConcurrentLinkedQueue<>();
    /** Sends of writing threads ({@link #publishWritten}) that Kafka has answered, to be removed from their documents. */
    private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
    /** Sends of writing threads not removed yet, answered or not. */
    private final AtomicInteger unsettled = new AtomicInteger();
    /** Topics Kafka has acknowledged an event of: a writing thread sends only to these, so it never waits for metadata. */
    private final Set<String> reachable = ConcurrentHashMap.newKeySet();
    private final Duration fullScanInterval;
    private volatile Instant lastFullScan = Instant.EPOCH;
    private volatile boolean scanAgain;
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;
    /** The last pass failed (the store did not answer): the next failures are not logged again until one succeeds. */
    private volatile boolean passFailing;
    private volatile EventTracing tracing;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper json,
            List<String> collections, String source, Duration pollInterval, Duration sendTimeout, Duration fullScanInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.fullScanInterval = fullScanInterval;
    }

    /** Runs a pass over the hinted aggregates soon (coalesced: many saves in a burst cause one extra pass). */
    public void wake() {
        ScheduledExecutorService current = executor;
        if (current != null && wakeQueued.compareAndSet(false, true)) {
            current.execute(() -> {
                wakeQueued.set(false);
                relayQuietly(this::relayAnswered);
                relayQuietly(this::relayHinted);
            });
        }
    }

    /**
     * Hands the events a write has just stored to the producer at once, from the writing thread, when they are all
     * that their aggregate holds pending ({@code written} is the document as written, with {@code _id}): no earlier
     * event of it waits, so none can be overtaken. Sending is not waited for; once Kafka has answered, the relay's
     * next pass removes them from the document with the other answered sends in one bulk write, and an aggregate
     * whose send Kafka refused is hinted and sent again in order. Returns false, sending nothing, while Kafka refuses
     * events, before it has taken one of each topic (the producer would wait for the topic's metadata in the
     * writing thread), for a collection the relay does not serve, or when too many sends are not yet removed: the
     * caller hints the relay instead.
     */
    public boolean publishWritten(String collection, Document written) {
        List<Document> events = written.getList(PENDING, Document.class, List.of());
        if (failing || events.isEmpty() || written.get("_id") == null || !collections.contains(collection)
                || unsettled.get() >= MAX_HINTS
                || !events.stream().allMatch(event -> reachable.contains(event.getString("topic")))) {
            return false;
        }
        unsettled.incrementAndGet();
        Sending sending = send(written);
        CompletableFuture.allOf(sending.acks().toArray(CompletableFuture[]::new)).whenComplete((all, refused) -> {
            answered.add(new Answered(collection, sending));
            wake();
        });
        return true;
    }

    /** A send of a writing thread that Kafka has answered. */
    private record Answered(String collection, Sending sending) {
    }

    /**
     * Removes the events of the writing threads' sends that Kafka acknowledged, one bulk write per collection and
     * batch; an aggregate with an event Kafka refused is hinted, so the next pass sends what is pending in order.
     * Returns how many events were removed. Should the store not answer, the aggregates are hinted as well: the
     * hinted pass sends them again (consumers absorb the repetition by event id) and removes them.
     */
    public int relayAnswered() {
        int settled = 0;
        RuntimeException storeFailed = null;
        while (!answered.isEmpty()) {
            Map<String, List<Sending>> byCollection = new LinkedHashMap<>();
            Answered next;
            int taken = 0;
            while (taken < BATCH && (next = answered.poll()) != null) {
                byCollection.computeIfAbsent(next.collection(), collection -> new ArrayList<>()).add(next.sending());
                taken++;
            }
            unsettled.addAndGet(-taken);
            for (Map.Entry<String, List<Sending>> batch : byCollection.entrySet()) {
                try {
                    settled += settle(batch.getKey(), batch.getValue());
                    batch.getValue().stream().filter(sending -> sending.acknowledged().size() < sending.eventIds().size())
                            .forEach(sending -> hint(String.valueOf(sending.aggregateId())));
                } catch (RuntimeException e) {
                    batch.getValue().forEach(sending -> hint(String.valueOf(sending.aggregateId())));
                    storeFailed = e;
                }
            }
            if (storeFailed != null) {
                throw storeFailed;
            }
        }
        return settled;
    }

    /**
     * The id of an aggregate whose write has just stored pending events (the event's key, which is the aggregate's
     * id in this platform). A woken relay looks these up by id instead of scanning the collections; the full scan
     * at {@code fullScanInterval} still finds anything a hint missed.
     */
    public void hint(String aggregateId) {
        if (aggregateId != null && hinted.size() < MAX_HINTS) {
            hinted.add(aggregateId);
        }
    }

    /** Publishes each event inside the trace of the request that caused it. */
    public void setTracing(EventTracing tracing) {
        this.tracing = tracing;
    }

    /**
     * Publishes the pending events of the hinted aggregates; returns how many were published. Each replica
     * publishes what it wrote itself, without the lease: two relays sending the same aggregate send its events
     * in the same order, and consumers absorb the repetition by event id. Every hint comes after its write, so a
     * hinted aggregate with nothing pending has nothing to send (another pass sent it): the hint is dropped. One
     * whose events Kafka did not take is hinted again, so it is retried at the next poll.
     */
    public int relayHinted() {
        Set<String> ids = new LinkedHashSet<>();
        String hint;
        while (ids.size() < BATCH && (hint = hinted.poll()) != null) {
            ids.add(hint);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        int published = 0;
        for (String collection : collections) {
            Query pending = new Query(Criteria.where("_id").in(ids).and(PENDING + ".0").exists(true));
            pending.fields().include("_id").include(PENDING);
            List<Sending> batch = new ArrayList<>();
            try {
                for (Document aggregate : mongo.find(pending, Document.class, collection)) {
                    batch.add(send(aggregate));
                }
                published += settle(collection, batch);
            } catch (RuntimeException storeFailed) {
                ids.forEach(hinted::add); // the store did not answer: each is looked up again at the next poll
                throw storeFailed;
            }
            for (Sending sending : batch) {
                if (sending.acknowledged().size() < sending.eventIds().size()) {
                    hinted.add(String.valueOf(sending.aggregateId()));
                }
            }
        }
        return published;
    }

    /**
     * One pass over every registered collection, with its lease, for events no hint led to (left by a crash or a
     * lost hint); returns how many were published. All events of a batch are handed to the producer at once
     * (same key, same partition: the producer keeps their order) and then awaited, so a burst costs one round
     * of acknowledgements, not one per event.
     */
    public int relayPending() {
        int published = 0;
        for (String collection : collections) {
            if (!acquireLease(collection)) {
                continue;
            }
            Query pending = new Query(Criteria.where(PENDING + ".0.time").lt(Date.from(Instant.now().minus(LEFT_TO_THE_WRITER))))
                    .limit(BATCH);
            pending.fields().include("_id").include(PENDING);
            List<Sending> batch = new ArrayList<>();
            for (Document aggregate : mongo.find(pending, Document.class, collection)) {
                batch.add(send(aggregate));
            }
            published += settle(collection, batch);
            if (batch.size() == BATCH) {
                scanAgain = true; // more than a batch was pending: scan again at the next poll
            }
        }
        return published;
    }

    /** The events of one aggregate handed to the producer, in order, and those of them Kafka acknowledged. */
    private record Sending(Object aggregateId, List<String> eventIds, List<String> topics, List<EventEnvelope> envelopes,
            List<CompletableFuture<?>> acks, List<String> acknowledged) {
    }

    private Sending send(Document aggregate) {
        List<String> eventIds = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<EventEnvelope> envelopes = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Document event : aggregate.getList(PENDING, Document.class, List.of())) {
            EventEnvelope envelope = toEnvelope(event);
            CompletableFuture<?> ack;
            try {
                String value = json.writeValueAsString(envelope);
                EventTracing traces = tracing;
                ack = traces == null ? kafka.send(event.getString("topic"), event.getString("key"), value)
                        : traces.continued(envelope.traceparent(), "outbox " + envelope.type(),
                                () -> kafka.send(event.getString("topic"), event.getString("key"), value));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            eventIds.add(envelope.id());
            topics.add(event.getString("topic"));
            envelopes.add(envelope);
            acks.add(ack);
        }
        return new Sending(aggregate.get("_id"), eventIds, topics, envelopes, acks, new ArrayList<>());
    }

    /**
     * Removes the acknowledged events from their aggregates, each up to its first event Kafka did not take (order
     * kept), in one unordered bulk write for the whole batch: one round trip to the store instead of one per
     * aggregate. Returns how many events were settled. Should the write fail, the events stay pending and are sent
     * again; consumers absorb the repetition by event id.
     */
    private int settle(String collection, List<Sending> batch) {
        BulkOperations removals = null;
        int settled = 0;
        for (Sending sending : batch) {
            awaitAcks(sending);
            if (!sending.acknowledged().isEmpty()) {
                if (removals == null) {
                    removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
                }
                removals.updateOne(new Query(Criteria.where("_id").is(sending.aggregateId())),
                        new Update().pull(PENDING, new Document("eventId", new Document("$in", sending.acknowledged()))));
                settled += sending.acknowledged().size();
            }
        }
        if (removals != null) {
            removals.execute();
        }
        return settled;
    }

    /** Waits for Kafka's answers to one aggregate's events, up to the first it did not take. */
    private void awaitAcks(Sending sending) {
        for (int i = 0; i < sending.acks().size(); i++) {
            try {
                sending.acks().get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sending.acknowledged().add(sending.eventIds().get(i));
                reachable.add(sending.topics().get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!failing) {
                    log.warn("Kafka did not take event {} ({}); it stays in the outbox and is retried: {}",
                            sending.envelopes().get(i).id(), sending.envelopes().get(i).type(), e.getMessage());
                }
                failing = true;
                break; // keep the order: later events of this aggregate wait for this one
            }
        }
        if (failing && !sending.acknowledged().isEmpty() && sending.acknowledged().size() == sending.acks().size()) {
            log.info("Kafka takes events again; the outbox is draining");
            failing = false;
        }
    }

    private EventEnvelope toEnvelope(Document event) {
        Object time = event.get("time");
        Instant instant = time instanceof Date date ? date.toInstant() : Instant.now();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) event.get("data", Map.class);
        return new EventEnvelope(event.getString("eventId"), event.getString("type"),
                event.getInteger("version", 1), instant, source, event.getString("key"),
                event.getList("cities", String.class, List.of()), event.getString("traceparent"),
                data == null ? Map.of() : data);
    }

    /**
     * A lease of a few poll intervals, renewed by the holder on every pass. Taken over only when expired,
     * so a crashed replica delays publishing by at most the lease time.
     */
    private boolean acquireLease(String collection) {
        Instant now = Instant.now();
        Query free = new Query(Criteria.where("_id").is(collection)
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("until").lt(Date.from(now))));
        Update take = new Update().set("owner", owner).set("until", Date.from(now.plus(pollInterval.multipliedBy(20))));
        try {
            Document lease = mongo.findAndModify(free, take,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, LEASES);
            return lease != null && owner.equals(lease.getString("owner"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** The scheduled pass: the hinted aggregates, and every {@code fullScanInterval} a scan of the collections. */
    private void poll() {
        relayQuietly(this::relayAnswered);
        relayQuietly(this::relayHinted);
        Instant now = Instant.now();
        if (scanAgain || !now.isBefore(lastFullScan.plus(fullScanInterval))) {
            lastFullScan = now;
            scanAgain = false;
            relayQuietly(this::relayPending);
        }
    }

    private void relayQuietly(java.util.function.IntSupplier pass) {
        try {
            pass.getAsInt();
            if (passFailing) {
                log.info("Outbox relay passes succeed again");
                passFailing = false;
            }
        } catch (RuntimeException e) {
            if (!passFailing) {
                log.warn("Outbox relay pass failed, retried at every poll until it succeeds: {}", e.getMessage());
            }
            passFailing = true;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    List<String> collections() {
        return new ArrayList<>(collections);
    }
}
