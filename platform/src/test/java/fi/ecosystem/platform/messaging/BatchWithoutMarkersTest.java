package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch subscription without a handler name ({@code alwaysTogether}, the webhooks' fan-out): the wanted events of a
 * poll reach the handler together on every delivery, and the inbox keeps no markers for them; a named batch handler
 * on the same events runs once.
 */
class BatchWithoutMarkersTest {

    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void everyDeliveryReachesTheHandlerAndNoMarkerIsWritten() {
        MongoTemplate mongo = new MongoTemplate(client, "batch-without-markers-" + UUID.randomUUID());
        Inbox inbox = new Inbox(mongo, JsonMapper.builder().build(), Duration.ofDays(1));
        List<List<String>> always = new CopyOnWriteArrayList<>();
        List<List<String>> once = new CopyOnWriteArrayList<>();
        BatchSubscription together = inbox.subscribe("registrations").types("registration.confirmed")
                .alwaysTogether(events -> always.add(events.stream().map(InboundEvent::id).toList()));
        BatchSubscription named = inbox.subscribe("registrations").types("registration.confirmed")
                .batch("counts", events -> once.add(events.stream().map(InboundEvent::id).toList()));
        assertThat(together.handler()).isNull();
        List<ConsumerRecord<String, String>> poll = List.of(
                record(0, "a", "registration.confirmed"), record(1, "b", "registration.cancelled"),
                record(2, "c", "registration.confirmed"));

        together.on(poll);
        together.on(poll);
        named.on(poll);
        named.on(poll);

        assertThat(always).as("both deliveries, the wanted events together, in order").containsExactly(List.of("a", "c"),
                List.of("a", "c"));
        assertThat(once).containsExactly(List.of("a", "c"));
        assertThat(mongo.getCollection(Inbox.PROCESSED).find(new Document("handler", null)).first()).isNull();
        assertThat(mongo.getCollection(Inbox.PROCESSED).countDocuments()).as("only the named handler's markers").isEqualTo(2);
    }

    private static ConsumerRecord<String, String> record(long offset, String eventId, String type) {
        return new ConsumerRecord<>("registrations", 0, offset, "r1", SubscriptionTest.envelope(eventId, type));
    }
}
