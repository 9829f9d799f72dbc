package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.WatchedStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox against the embedded store: a handler whose effect is not idempotent (a counter) sees each
 * event id once, because of the {@code processed_events} marker alone; a handler that fails leaves no
 * marker, so the redelivery handles the event; and a consumer killed after handling but before its offset
 * was committed gets the record again from a real broker and does not handle it twice.
 */
@EmbeddedKafka(partitions = 1, topics = InboxTest.TOPIC)
class InboxTest {

    static final String TOPIC = "registrations";
    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());
    static final JsonMapper json = JsonMapper.builder().build();

    MongoTemplate mongo;
    Inbox inbox;
    final AtomicInteger effects = new AtomicInteger();

    @BeforeEach
    void ownDatabase() {
        mongo = new MongoTemplate(client, "inbox-test-" + UUID.randomUUID());
        inbox = new Inbox(mongo, json, Duration.ofDays(14));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static String envelope(String eventId) {
        return """
                {"id": "%s", "type": "registration.confirmed", "version": 1, "time": "2026-11-23T10:00:00Z",
                 "source": "events-service", "subject": "r1", "cities": ["helsinki"], "unknownField": true,
                 "data": {"registrationId": "r1", "projectId": "p1"}}
                """.formatted(eventId);
    }

    static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "r1", value);
    }

    boolean count(ConsumerRecord<String, String> record) {
        return inbox.once("participants-reached", inbox.receive(record), event -> effects.incrementAndGet());
    }

    Document marker(String handler, String eventId) {
        return mongo.findById(handler + ":" + eventId, Document.class, Inbox.PROCESSED);
    }

    @Test
    void anEventDeliveredTwiceIsHandledOnceAndItsMarkerSaysByWhom() {
        String eventId = UUID.randomUUID().toString();

        assertThat(count(record(7, envelope(eventId)))).isTrue();
        assertThat(count(record(8, envelope(eventId)))).as("the outbox published it twice").isFalse();

        assertThat(effects).hasValue(1);
        Document marker = marker("participants-reached", eventId);
        assertThat(marker).isNotNull();
        assertThat(marker.getString("eventId")).isEqualTo(eventId);
        assertThat(marker.getString("handler")).isEqualTo("participants-reached");
        assertThat(marker.getString("type")).isEqualTo("registration.confirmed");
        assertThat(marker.getDate("handledAt")).isNotNull();
    }

    /**
     * The propagation of each handled event is a cumulative histogram in Prometheus, so that the buckets of two
     * replicas add up and a benchmark can take the difference of two scrapes; a summary's percentiles do neither.
     */
    @Test
    void propagationIsAHistogramWhoseBucketsCountEveryHandledEvent() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        inbox = new Inbox(mongo, json, Duration.ofDays(14), meters);
        String created = Instant.now().minusSeconds(3).toString();
        long published = Instant.now().minusSeconds(1).toEpochMilli();
        for (String eventId : List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())) {
            String value = envelope(eventId).replace("2026-11-23T10:00:00Z", created);
            inbox.once("participants-reached", inbox.receive(new ConsumerRecord<>(TOPIC, 0, 1, published,
                    org.apache.kafka.common.record.TimestampType.CREATE_TIME, 2, value.length(), "r1", value,
                    new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty())),
                    event -> effects.incrementAndGet());
        }
        String scraped = meters.scrape();

        Map<Double, Double> sinceCreated = buckets(scraped, "ecosystem_inbox_propagation_seconds");
        assertThat(sinceCreated).as("buckets from 1 ms to 10 minutes").containsKey(Double.POSITIVE_INFINITY)
                .hasSizeGreaterThan(20);
        assertThat(sinceCreated.keySet()).anyMatch(le -> le <= 0.002).anyMatch(le -> le >= 600 && le < Double.POSITIVE_INFINITY);
        sinceCreated.forEach((le, count) -> {
            if (le < 2.9 || le >= 60) {
                assertThat(count).as("events of about 3 s at or below %s s", le).isEqualTo(le < 2.9 ? 0.0 : 2.0);
            }
        });
        // from Kafka's timestamp: the part of the 3 s after the relay sent it
        Map<Double, Double> sincePublished = buckets(scraped, "ecosystem_inbox_delivery_seconds");
        assertThat(sincePublished).containsKey(Double.POSITIVE_INFINITY);
        sincePublished.forEach((le, count) -> {
            if (le < 0.9 || (le >= 2.0)) {
                assertThat(count).as("events of about 1 s at or below %s s", le).isEqualTo(le < 0.9 ? 0.0 : 2.0);
            }
        });
    }

    static Map<Double, Double> buckets(String scraped, String histogram) {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        Matcher bucket = Pattern.compile(histogram + "_bucket\\{handler=\"participants-reached\",le=\"([^\"]+)\"} (\\S+)")
                .matcher(scraped);
        while (bucket.find()) {
            buckets.put(bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1)),
                    Double.parseDouble(bucket.group(2)));
        }
        return buckets;
    }

    /**
     * The marker is looked up by its id: a find, which MongoDB and the embedded store answer from the _id index. Not a
     * count: that goes through the aggregation framework, which the embedded store runs over every marker.
     */
    @Test
    void theMarkerIsLookedUpByItsIdNotCounted() {
        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MongoClient watched = WatchedStore.client(started -> {
            if (Inbox.PROCESSED.equals(started.getCommand().get(started.getCommandName()) instanceof org.bson.BsonString name
                    ? name.getValue() : null)) {
                commands.add(started.getCommandName());
            }
        })) {
            inbox = new Inbox(new MongoTemplate(watched, "inbox-test-" + UUID.randomUUID()), json, Duration.ofDays(14));
            commands.clear(); // the TTL index the inbox declares
            String eventId = UUID.randomUUID().toString();

            assertThat(count(record(1, envelope(eventId)))).isTrue();
            assertThat(count(record(2, envelope(eventId)))).isFalse();

            assertThat(effects).hasValue(1);
            assertThat(commands).containsExactly("find", "insert", "find");
        }
    }

    @Test
    void eachHandlerOfAnEventHandlesItOnce() {
        String eventId = UUID.randomUUID().toString();
        InboundEvent event = inbox.receive(record(1, envelope(eventId)));
        AtomicInteger history = new AtomicInteger();

        inbox.once("participants-reached", event, handled -> effects.incrementAndGet());
        inbox.once("participation-history", event, handled -> history.incrementAndGet());
        inbox.once("participation-history", event, handled -> history.incrementAndGet());

        assertThat(effects).hasValue(1);
        assertThat(history).hasValue(1);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Inbox.PROCESSED)).isEqualTo(2);
    }

    @Test
    void aHandlerThatFailsLeavesNoMarkerSoTheRedeliveryHandlesTheEvent() {
        String eventId = UUID.randomUUID().toString();
        InboundEvent event = inbox.receive(record(1, envelope(eventId)));

        assertThatThrownBy(() -> inbox.once("participants-reached", event, failing -> {
            throw new IllegalStateException("store unavailable");
        })).hasMessage("store unavailable");
        assertThat(marker("participants-reached", eventId)).isNull();

        assertThat(count(record(1, envelope(eventId)))).isTrue();
        assertThat(effects).hasValue(1);
        assertThat(marker("participants-reached", eventId)).isNotNull();
    }

    /** A batch handler that failed part way (a mail sent, the next refused): what took effect is marked, the rest is not. */
    @Test
    void aBatchThatFailsPartWayHasWhatItHandledMarkedAndGetsOnlyTheRestAgain() {
        List<InboundEvent> poll = List.of(inbox.receive(record(1, envelope(UUID.randomUUID().toString()))),
                inbox.receive(record(2, envelope(UUID.randomUUID().toString()))),
                inbox.receive(record(3, envelope(UUID.randomUUID().toString()))));

        assertThatThrownBy(() -> inbox.onceAll("registration-mail", poll, events -> {
            throw new PartlyHandledException(List.of(events.get(0), events.get(2)), new IllegalStateException("550"));
        })).isInstanceOf(PartlyHandledException.class).hasRootCauseMessage("550");
        assertThat(marker("registration-mail", poll.get(0).id())).isNotNull();
        assertThat(marker("registration-mail", poll.get(1).id())).isNull();
        assertThat(marker("registration-mail", poll.get(2).id())).isNotNull();

        List<InboundEvent> again = new ArrayList<>();
        inbox.onceAll("registration-mail", poll, again::addAll);
        assertThat(again).containsExactly(poll.get(1));
    }

    @Test
    void whatIsNotAnEnvelopeIsPoison() {
        assertThatThrownBy(() -> inbox.receive(record(1, "{this is not an envelope"))).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> inbox.receive(record(2, null))).isInstanceOf(PoisonMessageException.class);
        assertThat(effects).hasValue(0);
    }

    @Test
    void aConsumerKilledBetweenHandlingAndCommitHandlesTheRedeliveryOnce(EmbeddedKafkaBroker kafka) throws Exception {
        String group = "projects-service-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        send(kafka, envelope(first));

        ConsumerRecord<String, String> handled;
        try (KafkaConsumer<String, String> killed = consumer(kafka, group)) {
            handled = pollOne(killed);
            assertThat(count(handled)).isTrue();
            // closed without committing the offset: as if the process died right after the handler
        }
        send(kafka, envelope(later));

        List<ConsumerRecord<String, String>> redelivered = new ArrayList<>();
        try (KafkaConsumer<String, String> successor = consumer(kafka, group)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (redelivered.size() < 2 && System.nanoTime() < deadline) {
                successor.poll(Duration.ofMillis(200)).forEach(redelivered::add);
            }
            for (ConsumerRecord<String, String> record : redelivered) {
                count(record);
            }
            successor.commitSync();
        }

        assertThat(redelivered).as("the uncommitted record comes again, then the later one").hasSize(2);
        assertThat(redelivered.get(0).offset()).isEqualTo(handled.offset());
        assertThat(effects).as("the first event once, the later one once").hasValue(2);
        assertThat(marker("participants-reached", first)).isNotNull();
        assertThat(marker("participants-reached", later)).isNotNull();
    }

    static void send(EmbeddedKafkaBroker kafka, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "r1", value)).get();
        }
    }

    static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker kafka, String group) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    static ConsumerRecord<String, String> pollOne(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                return record;
            }
        }
        throw new AssertionError("nothing on " + TOPIC);
    }
}
