package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listener skeleton in a Spring context with a real (embedded) broker: each subscription bean becomes a
 * listener of its own topic in its own consumer group, passes over the types it does not name, and runs a
 * "once" handler once per event id however often the event is delivered.
 */
@SpringJUnitConfig(SubscriptionTest.Beans.class)
@EmbeddedKafka(partitions = 1, topics = {"registrations", "events"})
@TestPropertySource(properties = "spring.application.name=subscription-test")
class SubscriptionTest {

    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());
    static final List<String> handled = new CopyOnWriteArrayList<>();

    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    EmbeddedKafkaBroker broker;

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void eachSubscriptionListensToItsTopicInItsGroupAndHandlesAnEventOnce() {
        assertThat(registry.getListenerContainers()).extracting(MessageListenerContainer::getGroupId)
                .containsExactlyInAnyOrder("subscription-test", "subscription-test.mail");
        assertThat(registry.getListenerContainers()).flatExtracting(container -> List.of(container.getContainerProperties().getTopics()))
                .containsExactlyInAnyOrder("registrations", "events");

        String confirmed = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(confirmed, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(confirmed, "registration.confirmed")));
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(cancelled, "registration.cancelled")));
            // the same key and partition, after the others: once it is handled, the ones before it were too
            producer.send(new ProducerRecord<>("registrations", "r1", envelope(marker, "registration.confirmed")));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(marker));
        assertThat(handled).as("the duplicate once, the cancellation not at all").containsExactly(confirmed, marker);
    }

    static String envelope(String eventId, String type) {
        return """
                {"id": "%s", "type": "%s", "version": 1, "time": "2026-11-23T10:00:00Z", "source": "events-service",
                 "subject": "r1", "cities": ["helsinki"], "data": {"registrationId": "r1"}}
                """.formatted(eventId, type);
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
            return factory;
        }

        @Bean
        Inbox inbox() {
            return new Inbox(new MongoTemplate(client, "subscription-test-" + UUID.randomUUID()),
                    JsonMapper.builder().build(), Duration.ofDays(14));
        }

        @Bean
        Subscription confirmations(Inbox inbox) {
            return inbox.subscribe("registrations").types("registration.confirmed")
                    .once("confirmations", event -> handled.add(event.id()));
        }

        @Bean
        Subscription mail(Inbox inbox) {
            return inbox.subscribe("events").group("mail").always(event -> handled.add("event " + event.id()));
        }
    }
}
