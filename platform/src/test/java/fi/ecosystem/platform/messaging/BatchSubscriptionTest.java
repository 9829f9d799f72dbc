package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch subscription with a real (embedded) broker and the platform's error handler: the messages waiting
 * when the listener starts come in one poll, and a duplicate in it is handled once, the events of each key in
 * their order, a poison message in the middle parked on the dead-letter topic while the others are handled;
 * a redelivered batch changes nothing.
 */
@SpringJUnitConfig(BatchSubscriptionTest.Beans.class)
@EmbeddedKafka(partitions = 1, topics = {"registrations", "registrations.dlt"})
@TestPropertySource(properties = "spring.application.name=batch-subscription-test")
class BatchSubscriptionTest {

    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());
    /** Each call of the handler: the event ids it got, in order. */
    static final List<List<String>> calls = new CopyOnWriteArrayList<>();

    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    EmbeddedKafkaBroker broker;

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aBatchIsHandledOnceInOrderPerKeyAndItsPoisonIsParkedAlone() {
        assertThat(registry.getListenerContainers()).extracting(MessageListenerContainer::getGroupId)
                .containsExactly("batch-subscription-test.counts");
        assertThat(registry.getListenerContainers().iterator().next().getContainerProperties().getKafkaConsumerProperties())
                .as("Kafka's default unless told").containsEntry("max.poll.records", "500");
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String rejected = "poison-" + UUID.randomUUID();
        String c = "c-" + UUID.randomUUID();
        String d = "d-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(a, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r2", envelope(b, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(a, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r2", envelope(UUID.randomUUID().toString(), "registration.cancelled")));
            producer.send(new ProducerRecord<>("registrations", "r3", envelope(rejected, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(c, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "bad", "{not an envelope"));
            producer.send(new ProducerRecord<>("registrations", "r2", envelope(d, "registration.confirmed")));
        }
        // all eight wait before the listener starts, so its first poll takes them together
        registry.getListenerContainers().forEach(MessageListenerContainer::start);

        await().atMost(Duration.ofSeconds(30)).until(() -> handled().contains(d));
        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecord(broker.getBrokersAsString(),
                Topics.deadLetter("registrations"), record -> "bad".equals(record.key()), Duration.ofSeconds(30));
        assertThat(parked).extracting(ConsumerRecord::key).as("both poisons parked, nothing else").containsExactly("r3", "bad");
        assertThat(handled()).as("the duplicate once, the cancellation passed over, the poisons not at all, order kept")
                .containsExactly(a, b, c, d);
        assertThat(calls.get(0)).as("the first poll's wanted events before the unreadable one, together, once each")
                .containsExactly(a, b, rejected, c);

        // the same events again (an outbox publishing twice), then a new one: only the new one is handled
        String e = "e-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(a, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(c, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r2", envelope(e, "registration.confirmed")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> handled().contains(e));
        assertThat(handled()).containsExactly(a, b, c, d, e);
    }

    /** What the handler completed: a call that threw (the poison's batch) left nothing. */
    static List<String> handled() {
        return calls.stream().filter(call -> call.stream().noneMatch(id -> id.startsWith("poison-")))
                .flatMap(List::stream).toList();
    }

    KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    static String envelope(String eventId, String type) {
        return SubscriptionTest.envelope(eventId, type);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableKafka
    static class Beans {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(EmbeddedKafkaBroker broker) {
            ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
            Map<String, Object> consumer = KafkaTestUtils.consumerProps(broker, "unused", false);
            consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
            factory.setAutoStartup(false);
            Map<String, Object> producer = KafkaTestUtils.producerProps(broker);
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            factory.setCommonErrorHandler(new MessagingAutoConfiguration().kafkaErrorHandler(
                    new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(producer))));
            return factory;
        }

        @Bean
        Inbox inbox() {
            return new Inbox(new MongoTemplate(client, "batch-subscription-test-" + UUID.randomUUID()),
                    JsonMapper.builder().build(), Duration.ofDays(14));
        }

        @Bean
        BatchSubscription counts(Inbox inbox) {
            return inbox.subscribe("registrations").group("counts").types("registration.confirmed")
                    .batch("counts", events -> {
                        calls.add(events.stream().map(InboundEvent::id).toList());
                        if (events.stream().anyMatch(event -> event.id().startsWith("poison-"))) {
                            throw new PoisonMessageException("rejected by its handler", null);
                        }
                    });
        }
    }
}
