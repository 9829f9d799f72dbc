package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place of the outbox bookkeeping: an aggregate records what happened, and whatever writes it (a save, an
 * insert, a guarded update, a bulk of them) stores the event in the same document write and wakes the relay only
 * after the write, with the aggregate as the hint.
 */
class AggregateEventsTest {

    /** The writes the store received, by command name: counted, not assumed (reads, like the wake's check, are left out). */
    static final List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());
    static final MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
            .applyConnectionString(new com.mongodb.ConnectionString(EmbeddedStore.uri()))
            .addCommandListener(new com.mongodb.event.CommandListener() {
                @Override
                public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                    if (List.of("insert", "update", "findAndModify", "delete").contains(event.getCommandName())) {
                        commands.add(event.getCommandName());
                    }
                }
            }).build());

    MongoTemplate mongo;
    AtomicChanges changes;
    /** What the relay was told, with what the aggregate's document held pending at that moment. */
    final List<String> woken = new ArrayList<>();
    final List<String> hinted = new ArrayList<>();
    /** The documents offered for publishing at once (collection, id and pending event types), and the relay's answer. */
    final List<String> offered = new ArrayList<>();
    boolean relayTakes;

    /** A fixture aggregate. */
    @org.springframework.data.mongodb.core.mapping.Document("tasks")
    static class Task extends Aggregate {
        @Id
        String id;
        String state = "open";

        Task(String id) {
            this.id = id;
        }

        void close() {
            state = "closed";
            record(RecordedEvent.of("tasks", id, "task.closed", 1, List.of("helsinki"), Map.of("taskId", id)));
        }
    }

    @BeforeEach
    void ownDatabase() {
        mongo = new MongoTemplate(client, "aggregate-events-test-" + UUID.randomUUID());
        Outbox outbox = new Outbox(JsonMapper.builder().build(), (collection, written) -> {
            offered.add(collection + ":" + written.get("_id") + ":" + written.getList(OutboxRelay.PENDING, Document.class)
                    .stream().map(event -> event.getString("type")).toList());
            return relayTakes;
        }, () -> woken.add(pendingNow()), hinted::add, () -> "00-trace-span-01", null);
        mongo.setEntityCallbacks(EntityCallbacks.create(new OutboxCallbacks(outbox)));
        changes = new AtomicChanges(mongo, outbox);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** The pending event types of every task, as the store holds them now. */
    String pendingNow() {
        return mongo.findAll(Document.class, "tasks").stream()
                .flatMap(task -> task.getList(OutboxRelay.PENDING, Document.class, List.of()).stream())
                .map(event -> event.getString("key") + ":" + event.getString("type")).sorted().toList().toString();
    }

    @Test
    void savingAnAggregateStoresWhatItRecordedInTheSameWriteAndWakesTheRelayAfterIt() {
        Task task = new Task("t1");
        task.close();
        assertThat(woken).as("recording alone tells the relay nothing").isEmpty();

        mongo.insert(task);

        Document stored = mongo.findById("t1", Document.class, "tasks");
        assertThat(stored.getString("state")).isEqualTo("closed");
        Document event = stored.getList(OutboxRelay.PENDING, Document.class).get(0);
        assertThat(event.getString("type")).isEqualTo("task.closed");
        assertThat(event.getString("key")).isEqualTo("t1");
        assertThat(event.getString("topic")).isEqualTo("tasks");
        assertThat(event.getString("traceparent")).isEqualTo("00-trace-span-01");
        assertThat(event.getString("eventId")).isNotBlank();
        assertThat(event.get("data", Document.class).getString("taskId")).isEqualTo("t1");
        assertThat(woken).as("woken after the write: the event was already stored").containsExactly("[t1:task.closed]");
        assertThat(hinted).containsExactly("t1");

        mongo.save(task);
        assertThat(mongo.findById("t1", Task.class).pendingEvents()).as("recorded once, stored once").hasSize(1);
    }

    @Test
    void aSaveWhoseDocumentHoldsOnlyItsOwnEventsHandsThemToTheRelayAtOnceAndOtherwiseHintsIt() {
        relayTakes = true;
        Task task = new Task("t1");
        task.close();
        mongo.insert(task);
        assertThat(offered).as("the document as written, its only pending event this write's")
                .containsExactly("tasks:t1:[task.closed]");
        assertThat(hinted).as("sent already: nothing for the relay to look up").isEmpty();
        assertThat(woken).isEmpty();

        task.close(); // a second event while the first is still pending in the document
        mongo.save(task);
        assertThat(offered).as("an older event waits, so the relay sends both in order").hasSize(1);
        assertThat(hinted).containsExactly("t1");
        assertThat(woken).containsExactly("[t1:task.closed, t1:task.closed]");

        mongo.save(task);
        assertThat(offered).as("a write that stored no event offers none").hasSize(1);
        assertThat(hinted).as("its document still holds events pending: hinted again").containsExactly("t1", "t1");

        relayTakes = false; // the relay declines (Kafka refuses events, say)
        Task other = new Task("t2");
        other.close();
        mongo.insert(other);
        assertThat(offered).last().isEqualTo("tasks:t2:[task.closed]");
        assertThat(hinted).as("declined: hinted as before").containsExactly("t1", "t1", "t2");
    }

    @Test
    void aFailedWriteWakesNobody() {
        mongo.insert(new Task("t1"));
        Task again = new Task("t1");
        again.close();

        assertThatThrownBy(() -> mongo.insert(again)).isInstanceOf(DuplicateKeyException.class);

        assertThat(woken).isEmpty();
        assertThat(hinted).isEmpty();
        assertThat(mongo.findById("t1", Task.class).pendingEvents()).isEmpty();
    }

    @Test
    void aGuardedUpdateCarriesItsEventInTheSameWriteOrWritesNeither() {
        mongo.insert(new Task("t1"));
        commands.clear();

        Task closed = changes.apply(new AtomicChanges.Change(stillOpen("t1"), new Update().set("state", "closed"),
                RecordedEvent.of("tasks", "t1", "task.closed", 1, List.of(), Map.of("taskId", "t1"))), Task.class);
        Task closedTwice = changes.apply(new AtomicChanges.Change(stillOpen("t1"), new Update().set("state", "closed"),
                RecordedEvent.of("tasks", "t1", "task.closed", 1, List.of(), Map.of("taskId", "t1"))), Task.class);

        assertThat(commands).as("each change and its event in one store write").containsExactly("findAndModify", "findAndModify");
        assertThat(closed.state).isEqualTo("closed");
        assertThat(closed.pendingEvents()).extracting(OutboxEvent::type).containsExactly("task.closed");
        assertThat(closedTwice).as("the guard no longer matched").isNull();
        assertThat(mongo.findById("t1", Task.class).pendingEvents()).as("no event without its change").hasSize(1);
        assertThat(woken).containsExactly("[t1:task.closed]");
    }

    @Test
    void manyGuardedChangesGoInOneBulkWriteEachWithItsOwnEvent() {
        mongo.insert(new Task("t1"));
        mongo.insert(new Task("t2"));
        Task done = new Task("t3");
        done.state = "closed";
        mongo.insert(done);

        commands.clear();
        int closed = changes.applyAll(List.of("t1", "t2", "t3").stream()
                .map(id -> new AtomicChanges.Change(stillOpen(id), new Update().set("state", "closed"),
                        RecordedEvent.of("tasks", id, "task.closed", 1, List.of(), Map.of("taskId", id))))
                .toList(), Task.class);

        assertThat(closed).isEqualTo(2);
        assertThat(commands).as("one store write for the three guarded changes").containsExactly("update");
        assertThat(mongo.findById("t1", Task.class).pendingEvents()).hasSize(1);
        assertThat(mongo.findById("t2", Task.class).pendingEvents()).hasSize(1);
        assertThat(mongo.findById("t3", Task.class).pendingEvents()).as("its guard did not match").isEmpty();
        assertThat(woken).as("one wake, after the bulk write").containsExactly("[t1:task.closed, t2:task.closed]");
    }

    static Query stillOpen(String id) {
        return new Query(Criteria.where("_id").is(id).and("state").is("open"));
    }
}
