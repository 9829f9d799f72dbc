package fi.ecosystem.platform.messaging;

import static fi.ecosystem.platform.messaging.RecordingKafka.Answer.FAIL;
import static fi.ecosystem.platform.messaging.RecordingKafka.Answer.HOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.WatchedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay against the embedded store with a recording Kafka template: the lease lets one replica
 * scan a collection at a time, a replica publishes what it wrote itself through hints, a send Kafka refused
 * is retried in order, and the full scan finds what a crash left behind without losing what a send in
 * flight meets.
 */
class OutboxRelayTest {

    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());
    static final JsonMapper json = JsonMapper.builder().build();
    /** Older than what the full scan leaves to the writer's hinted pass (10 s). */
    static final Instant LEFT_BEHIND = Instant.now().minus(Duration.ofMinutes(5));

    MongoTemplate mongo;

    @BeforeEach
    void ownDatabase() {
        mongo = new MongoTemplate(client, "outbox-relay-test-" + UUID.randomUUID());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    OutboxRelay relay(RecordingKafka kafka, Duration pollInterval, String... collections) {
        return new OutboxRelay(mongo, kafka, json, List.of(collections), "projects-service", pollInterval,
                Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    OutboxRelay relay(RecordingKafka kafka, String... collections) {
        return relay(kafka, Duration.ofSeconds(1), collections);
    }

    static Document event(String eventId, String aggregateId, Instant time) {
        return new Document("eventId", eventId).append("topic", "projects").append("key", aggregateId)
                .append("type", "project.changed").append("version", 1).append("time", Date.from(time))
                .append("cities", List.of("helsinki")).append("data", new Document("projectId", aggregateId));
    }

    void store(String collection, String aggregateId, Document... events) {
        mongo.insert(new Document("_id", aggregateId).append("name", "Hanke " + aggregateId)
                .append(OutboxRelay.PENDING, List.of(events)), collection);
    }

    List<String> pending(String collection, String aggregateId) {
        Document aggregate = mongo.findById(aggregateId, Document.class, collection);
        return aggregate.getList(OutboxRelay.PENDING, Document.class, List.of()).stream()
                .map(event -> event.getString("eventId")).toList();
    }

    /** The event ids handed to the producer, in order. */
    static List<String> sentIds(RecordingKafka kafka) {
        List<String> ids = new ArrayList<>();
        for (RecordingKafka.Sent sent : kafka.sent) {
            ids.add(json.readTree(sent.value()).get("id").asString());
        }
        return ids;
    }

    @Test
    void oneReplicaScansACollectionAtATimeWhileItHoldsTheLease() {
        RecordingKafka kafkaA = new RecordingKafka();
        RecordingKafka kafkaB = new RecordingKafka();
        OutboxRelay replicaA = relay(kafkaA, "projects");
        OutboxRelay replicaB = relay(kafkaB, "projects");
        store("projects", "p1", event("e1", "p1", LEFT_BEHIND));

        assertThat(replicaA.relayPending()).isEqualTo(1);
        store("projects", "p2", event("e2", "p2", LEFT_BEHIND));

        assertThat(replicaB.relayPending()).as("the lease is A's").isZero();
        assertThat(kafkaB.sent).isEmpty();
        assertThat(pending("projects", "p2")).containsExactly("e2");

        assertThat(replicaA.relayPending()).as("the holder renews its lease").isEqualTo(1);
        assertThat(sentIds(kafkaA)).containsExactly("e1", "e2");
        assertThat(pending("projects", "p1")).isEmpty();
        assertThat(pending("projects", "p2")).isEmpty();
    }

    @Test
    void theLeaseIsPerCollection() {
        RecordingKafka kafkaA = new RecordingKafka();
        RecordingKafka kafkaB = new RecordingKafka();
        OutboxRelay replicaA = relay(kafkaA, "projects");
        OutboxRelay replicaB = relay(kafkaB, "projects", "contacts");
        store("projects", "p1", event("e1", "p1", LEFT_BEHIND));
        store("contacts", "c1", event("e2", "c1", LEFT_BEHIND));

        assertThat(replicaA.relayPending()).isEqualTo(1);
        assertThat(replicaB.relayPending()).isEqualTo(1);

        assertThat(sentIds(kafkaA)).containsExactly("e1");
        assertThat(sentIds(kafkaB)).containsExactly("e2");
    }

    @Test
    void anExpiredLeaseIsTakenOverByAnotherReplica() {
        RecordingKafka kafkaA = new RecordingKafka();
        RecordingKafka kafkaB = new RecordingKafka();
        OutboxRelay crashing = relay(kafkaA, Duration.ofMillis(10), "projects"); // a lease of 200 ms
        OutboxRelay survivor = relay(kafkaB, "projects");
        assertThat(crashing.relayPending()).isZero(); // takes the lease, then is never heard of again
        store("projects", "p1", event("e1", "p1", LEFT_BEHIND));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> survivor.relayPending() == 1);

        assertThat(sentIds(kafkaB)).containsExactly("e1");
        assertThat(kafkaA.sent).isEmpty();
        assertThat(pending("projects", "p1")).isEmpty();
    }

    @Test
    void aReplicaPublishesWhatItWroteItselfWithoutTheLease() {
        RecordingKafka kafkaA = new RecordingKafka();
        RecordingKafka kafkaB = new RecordingKafka();
        OutboxRelay writer = relay(kafkaA, "projects");
        OutboxRelay leaseHolder = relay(kafkaB, "projects");
        assertThat(leaseHolder.relayPending()).isZero();

        writer.hint("p1");
        store("projects", "p1", event("e1", "p1", Instant.now()));
        assertThat(leaseHolder.relayPending()).as("a fresh event is left to the replica that wrote it").isZero();

        assertThat(writer.relayHinted()).isEqualTo(1);
        assertThat(sentIds(kafkaA)).containsExactly("e1");
        assertThat(kafkaB.sent).isEmpty();
        assertThat(pending("projects", "p1")).isEmpty();
        RecordingKafka.Sent sent = kafkaA.sent.get(0);
        assertThat(sent.topic()).isEqualTo("projects");
        assertThat(sent.key()).isEqualTo("p1");
        assertThat(json.readTree(sent.value()).get("source").asString()).isEqualTo("projects-service");
        assertThat(json.readTree(sent.value()).get("data").get("projectId").asString()).isEqualTo("p1");
    }

    @Test
    void aHintComesAfterItsWriteSoOneWithNothingPendingIsDroppedAndTheFullScanFindsWhatItMissed() {
        RecordingKafka kafka = new RecordingKafka();
        OutboxRelay relay = relay(kafka, "projects");

        relay.hint("p1"); // nothing written for p1 (its write failed, or another pass sent it already)
        assertThat(relay.relayHinted()).isZero();
        store("projects", "p1", event("e1", "p1", LEFT_BEHIND));

        assertThat(relay.relayHinted()).as("the hint was not kept: hints come after the write").isZero();
        assertThat(kafka.sent).isEmpty();
        assertThat(relay.relayPending()).as("the full scan finds it").isEqualTo(1);
        assertThat(sentIds(kafka)).containsExactly("e1");

        relay.hint("p2");
        store("projects", "p2", event("e2", "p2", Instant.now()));
        assertThat(relay.relayHinted()).as("a hint after the write sends the event").isEqualTo(1);
        assertThat(sentIds(kafka)).containsExactly("e1", "e2");
    }

    @Test
    void anAggregateWhoseSendFailedIsHintedAgainAndRetriedInOrder() {
        RecordingKafka kafka = new RecordingKafka().thenAnswer(FAIL);
        OutboxRelay relay = relay(kafka, "projects");
        relay.hint("p1");
        store("projects", "p1", event("e1", "p1", Instant.now()), event("e2", "p1", Instant.now()));

        assertThat(relay.relayHinted()).isZero();
        assertThat(pending("projects", "p1")).as("e2 waits for e1: the order is kept").containsExactly("e1", "e2");

        assertThat(relay.relayHinted()).as("retried without a new hint").isEqualTo(2);
        assertThat(sentIds(kafka)).containsExactly("e1", "e2", "e1", "e2");
        assertThat(pending("projects", "p1")).isEmpty();
        assertThat(relay.relayHinted()).as("nothing more to send").isZero();
        assertThat(kafka.sent).hasSize(4);
    }

    @Test
    void theFullScanFindsWhatACrashLeftBehind() {
        // a replica saved the aggregate and died before its relay sent the event: no hint survives
        store("projects", "p1", event("e1", "p1", LEFT_BEHIND), event("e2", "p1", LEFT_BEHIND));
        store("projects", "p2", new Document[0]);
        RecordingKafka kafka = new RecordingKafka();
        OutboxRelay restarted = relay(kafka, "projects");

        assertThat(restarted.relayHinted()).isZero();
        assertThat(restarted.relayPending()).isEqualTo(2);

        assertThat(sentIds(kafka)).containsExactly("e1", "e2");
        assertThat(pending("projects", "p1")).isEmpty();
        assertThat(mongo.findById("p1", Document.class, "projects").getString("name")).isEqualTo("Hanke p1");
    }

    @Test
    void theFullScanLeavesAFreshEventInFlightToItsWriter() throws Exception {
        RecordingKafka kafkaA = new RecordingKafka().thenAnswer(HOLD);
        RecordingKafka kafkaB = new RecordingKafka();
        OutboxRelay writer = relay(kafkaA, "projects");
        OutboxRelay scanner = relay(kafkaB, "projects");
        writer.hint("p1");
        store("projects", "p1", event("e1", "p1", Instant.now()));

        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(writer::relayHinted);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafkaA.sent.size() == 1);
        assertThat(scanner.relayPending()).isZero();
        kafkaA.releaseHeld();

        assertThat(inFlight.get()).isEqualTo(1);
        assertThat(kafkaB.sent).isEmpty();
        assertThat(pending("projects", "p1")).isEmpty();
    }

    @Test
    void theFullScanMeetingASendInFlightRepeatsItUnderTheSameIdAndLosesNothingWrittenMeanwhile() throws Exception {
        RecordingKafka kafkaA = new RecordingKafka().thenAnswer(HOLD);
        RecordingKafka kafkaB = new RecordingKafka();
        OutboxRelay writer = relay(kafkaA, "projects");
        OutboxRelay scanner = relay(kafkaB, "projects");
        writer.hint("p1");
        store("projects", "p1", event("e1", "p1", LEFT_BEHIND)); // e.g. a send hanging since before an outage

        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(writer::relayHinted);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafkaA.sent.size() == 1);
        assertThat(scanner.relayPending()).isEqualTo(1);
        // the aggregate changes again while the first send is still unanswered
        mongo.updateFirst(new Query(Criteria.where("_id").is("p1")),
                new Update().push(OutboxRelay.PENDING, event("e3", "p1", Instant.now())), "projects");
        kafkaA.releaseHeld();

        assertThat(inFlight.get()).isEqualTo(1);
        assertThat(sentIds(kafkaA)).containsExactly("e1");
        assertThat(sentIds(kafkaB)).as("at least once, under the same event id: the consumers' inbox absorbs it")
                .containsExactly("e1");
        assertThat(pending("projects", "p1")).as("the settles remove only what they sent").containsExactly("e3");
    }

    /**
     * A pass settles its whole batch in one write: the store answers one update command for six aggregates, not one
     * each, and every aggregate loses exactly the events Kafka took (the one whose second event Kafka refused keeps
     * that event).
     */
    @Test
    void aPassSettlesItsWholeBatchInOneWriteAndEachAggregateLosesWhatWasSent() {
        List<String> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        String database = mongo.getDb().getName();
        try (MongoClient watched = watchingUpdates(updates)) {
            mongo = new MongoTemplate(watched, database);
            RecordingKafka kafka = new RecordingKafka().thenAnswer(RecordingKafka.Answer.ACK, RecordingKafka.Answer.ACK,
                    RecordingKafka.Answer.ACK, FAIL);
            OutboxRelay relay = relay(kafka, "projects");
            for (String id : List.of("p1", "p2", "p3", "p4", "p5", "p6")) {
                relay.hint(id);
                store("projects", id, event(id + "-a", id, Instant.now()), event(id + "-b", id, Instant.now()));
            }

            assertThat(relay.relayHinted()).isEqualTo(11);

            assertThat(updates).as("one bulk update for the batch").containsExactly("6 in projects");
            List<String> left = new ArrayList<>();
            for (String id : List.of("p1", "p2", "p3", "p4", "p5", "p6")) {
                left.addAll(pending("projects", id));
            }
            assertThat(left).as("only the event Kafka refused stays").containsExactly("p2-b");
        }
    }

    /** A pass the store did not answer keeps its hints: the next poll sends the events, not the full scan minutes later. */
    @Test
    void aPassTheStoreDidNotAnswerKeepsItsHintsForTheNextPoll() {
        MongoTemplate failingOnce = new MongoTemplate(client, mongo.getDb().getName()) {
            private boolean failed;

            @Override
            public <T> List<T> find(Query query, Class<T> type, String collection) {
                if (!failed) {
                    failed = true;
                    throw new org.springframework.dao.DataAccessResourceFailureException("the store did not answer");
                }
                return super.find(query, type, collection);
            }
        };
        RecordingKafka kafka = new RecordingKafka();
        OutboxRelay relay = new OutboxRelay(failingOnce, kafka, json, List.of("projects"), "projects-service",
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(2));
        relay.hint("p1");
        store("projects", "p1", event("e1", "p1", Instant.now()));

        org.assertj.core.api.Assertions.assertThatThrownBy(relay::relayHinted)
                .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
        assertThat(kafka.sent).isEmpty();

        assertThat(relay.relayHinted()).as("the hint was kept").isEqualTo(1);
        assertThat(sentIds(kafka)).containsExactly("e1");
        assertThat(pending("projects", "p1")).isEmpty();
    }

    /** A client of the same store that notes each update command as "how many updates in which collection". */
    static MongoClient watchingUpdates(List<String> updates) {
        return WatchedStore.client(started -> {
            if (started.getCommandName().equals("update")) {
                updates.add(started.getCommand().getArray("updates").size() + " in " + started.getCommand().getString("update").getValue());
            }
        });
    }

    /** Stores the aggregate and returns its document as the write left it, as a save's callback is given it. */
    Document written(String collection, String aggregateId, Document... events) {
        store(collection, aggregateId, events);
        return mongo.findById(aggregateId, Document.class, collection);
    }

    /** Sends one event of the topic through the hinted pass, so Kafka has taken one of it. */
    void reached(OutboxRelay relay, String aggregateId) {
        relay.hint(aggregateId);
        store("projects", aggregateId, event(aggregateId + "-first", aggregateId, Instant.now()));
        assertThat(relay.relayHinted()).isEqualTo(1);
    }

    @Test
    void aWriteHoldingOnlyItsOwnEventsSendsThemItselfAndThePassRemovesThemOnceAcknowledged() {
        RecordingKafka kafka = new RecordingKafka().thenAnswer(RecordingKafka.Answer.ACK, HOLD);
        OutboxRelay relay = relay(kafka, "projects");
        assertThat(relay.publishWritten("projects", written("projects", "p0", event("e0", "p0", Instant.now()))))
                .as("no event of the topic acknowledged yet: the producer could wait for its metadata").isFalse();
        assertThat(kafka.sent).isEmpty();
        reached(relay, "r0");

        assertThat(relay.publishWritten("projects", written("projects", "p1", event("e1", "p1", Instant.now()),
                event("e2", "p1", Instant.now())))).isTrue();
        assertThat(sentIds(kafka)).as("handed to the producer by the writing thread, in order, before any pass")
                .containsExactly("r0-first", "e1", "e2");
        RecordingKafka.Sent sent = kafka.sent.get(1);
        assertThat(sent.topic()).isEqualTo("projects");
        assertThat(sent.key()).isEqualTo("p1");
        assertThat(json.readTree(sent.value()).get("data").get("projectId").asString()).isEqualTo("p1");

        assertThat(relay.relayAnswered()).as("e2 is still in flight").isZero();
        assertThat(pending("projects", "p1")).containsExactly("e1", "e2");
        kafka.releaseHeld();
        assertThat(relay.relayAnswered()).isEqualTo(2);
        assertThat(pending("projects", "p1")).isEmpty();
        assertThat(relay.relayHinted()).as("nothing hinted").isZero();
        assertThat(relay.relayPending()).isZero();
        assertThat(kafka.sent).as("sent once").hasSize(3);
    }

    @Test
    void aSendOfAWritingThreadKafkaRefusedIsRetriedInOrderByTheRelayWhichSendsAloneUntilKafkaTakesEventsAgain() {
        RecordingKafka kafka = new RecordingKafka().thenAnswer(RecordingKafka.Answer.ACK, FAIL);
        OutboxRelay relay = relay(kafka, "projects");
        reached(relay, "p0");

        assertThat(relay.publishWritten("projects", written("projects", "p1", event("e1", "p1", Instant.now()),
                event("e2", "p1", Instant.now())))).isTrue();
        assertThat(relay.relayAnswered()).as("e1 refused, so e2 is kept too").isZero();
        assertThat(pending("projects", "p1")).containsExactly("e1", "e2");
        assertThat(relay.publishWritten("projects", written("projects", "p2", event("e3", "p2", Instant.now()))))
                .as("Kafka refuses events: left to the relay").isFalse();

        relay.hint("p2");
        assertThat(relay.relayHinted()).as("p1 hinted by the refusal, p2 by its writer").isEqualTo(3);
        assertThat(sentIds(kafka)).containsExactly("p0-first", "e1", "e2", "e1", "e2", "e3");
        assertThat(pending("projects", "p1")).isEmpty();
        assertThat(pending("projects", "p2")).isEmpty();
        assertThat(relay.publishWritten("projects", written("projects", "p3", event("e4", "p3", Instant.now()))))
                .as("Kafka takes events again").isTrue();
        assertThat(relay.relayAnswered()).isEqualTo(1);
        assertThat(pending("projects", "p3")).isEmpty();
    }

    @Test
    void answeredSendsOfManyAggregatesAreRemovedInOneBulkWriteAndTheStoreNotAnsweringLeavesThemHinted() {
        List<String> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        String database = mongo.getDb().getName();
        try (MongoClient watched = watchingUpdates(updates)) {
            mongo = new MongoTemplate(watched, database);
            RecordingKafka kafka = new RecordingKafka();
            OutboxRelay relay = relay(kafka, "projects");
            reached(relay, "p0");
            updates.clear();
            for (String id : List.of("p1", "p2", "p3", "p4", "p5")) {
                assertThat(relay.publishWritten("projects", written("projects", id, event(id + "-a", id, Instant.now())))).isTrue();
            }
            assertThat(relay.relayAnswered()).isEqualTo(5);
            assertThat(updates).as("one bulk update for the answered sends").containsExactly("5 in projects");
            assertThat(relay.publishWritten("other", written("other", "o1", event("o1-a", "o1", Instant.now()))))
                    .as("a collection the relay does not serve").isFalse();
        }

        boolean[] storeDown = {true};
        MongoTemplate notAnswering = new MongoTemplate(client, database) {
            @Override
            public org.springframework.data.mongodb.core.BulkOperations bulkOps(
                    org.springframework.data.mongodb.core.BulkOperations.BulkMode mode, String collection) {
                if (storeDown[0]) {
                    throw new org.springframework.dao.DataAccessResourceFailureException("the store did not answer");
                }
                return super.bulkOps(mode, collection);
            }
        };
        mongo = new MongoTemplate(client, database);
        RecordingKafka kafka = new RecordingKafka();
        OutboxRelay relay = new OutboxRelay(notAnswering, kafka, json, List.of("projects"), "projects-service",
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(2));
        relay.hint("q0");
        store("projects", "q0", event("q0-a", "q0", Instant.now()));
        org.assertj.core.api.Assertions.assertThatThrownBy(relay::relayHinted)
                .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
        // Kafka took q0-a, so the topic is reached; the store's answer to the removal is what failed
        assertThat(relay.publishWritten("projects", written("projects", "q1", event("q1-a", "q1", Instant.now())))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(relay::relayAnswered)
                .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
        assertThat(pending("projects", "q1")).as("nothing removed, nothing lost").containsExactly("q1-a");

        storeDown[0] = false;
        assertThat(relay.relayAnswered()).isZero();
        assertThat(relay.relayHinted()).as("both hinted when their removal failed, sent again and removed").isEqualTo(2);
        assertThat(pending("projects", "q0")).isEmpty();
        assertThat(pending("projects", "q1")).isEmpty();
        assertThat(sentIds(kafka)).containsExactlyInAnyOrder("q0-a", "q1-a", "q0-a", "q1-a");
    }
}
