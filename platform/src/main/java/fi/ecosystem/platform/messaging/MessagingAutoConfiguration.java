package fi.ecosystem.platform.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.PlatformProperties;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import fi.ecosystem.platform.privacy.PrivacyAutoConfiguration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging part of the platform: the outbox and its relay, the inbox and the {@link Subscription}s
 * declared by a service, dead letters, the topics, and the trace context carried by events. The only part
 * of the platform (and of any service) that touches Kafka. On in every service with a store; a module
 * without Kafka and MongoDB on its class path (the web UI) gets none of it.
 */
@AutoConfiguration(after = PrivacyAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, MongoTemplate.class})
@ConditionalOnProperty(name = "ecosystem.messaging.enabled", havingValue = "true", matchIfMissing = true)
public class MessagingAutoConfiguration {

    static final String LISTENER_TIMER = "spring.kafka.listener";

    /**
     * Batch listeners time their deliveries with spring-kafka's older timer (tags {@code name}, {@code result},
     * {@code exception}) although observation is on, and the record listeners with the observation's
     * ({@code messaging.*} tags), both named {@code spring.kafka.listener}. Prometheus keeps only one set of tag keys
     * per name, so whichever registered second went missing (spring-kafka#3947; still so in 4.0.8, used here). The batch
     * listeners' timer is kept as {@code spring.kafka.listener.batch}.
     */
    @Bean
    MeterFilter batchListenerTimersApart() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return LISTENER_TIMER.equals(id.getName()) && id.getTag("name") != null
                        && id.getTag("spring.kafka.listener.id") == null ? id.withName(LISTENER_TIMER + ".batch") : id;
            }
        };
    }

    /** Consumers read envelopes tolerantly: unknown fields are how producers evolve within a version. */
    @Bean
    Inbox inbox(MongoTemplate mongo, JsonMapper json, PlatformProperties properties,
            ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters, PersonalDataSeal seal, EventTracing tracing) {
        Inbox inbox = new Inbox(mongo, json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(),
                properties.inbox().retention(), meters.getIfAvailable(), seal);
        inbox.setTracing(tracing);
        return inbox;
    }

    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper json,
            PlatformProperties properties, @Value("${spring.application.name}") String source, EventTracing tracing) {
        PlatformProperties.Outbox outbox = properties.outbox();
        OutboxRelay relay = new OutboxRelay(mongo, kafka, json, outbox.collections() == null ? List.of() : outbox.collections(),
                source, outbox.pollInterval(), outbox.sendTimeout(),
                outbox.fullScanInterval() == null ? Duration.ofMinutes(2) : outbox.fullScanInterval());
        relay.setTracing(tracing);
        return relay;
    }

    /** Each event keeps the trace context of the request that caused it (see {@link EventTracing}). */
    @Bean
    Outbox outbox(JsonMapper json, ObjectProvider<OutboxRelay> relay, EventTracing tracing, PersonalDataSeal seal) {
        return new Outbox(json, (collection, written) -> {
            OutboxRelay available = relay.getIfAvailable();
            return available != null && available.publishWritten(collection, written);
        }, () -> relay.ifAvailable(OutboxRelay::wake),
                key -> relay.ifAvailable(available -> available.hint(key)), tracing::currentTraceparent, seal);
    }

    /** Saving an aggregate stores the events it recorded, in the same write (see {@link Aggregate}). */
    @Bean
    OutboxCallbacks outboxCallbacks(Outbox outbox) {
        return new OutboxCallbacks(outbox);
    }

    @Bean
    AtomicChanges atomicChanges(MongoTemplate mongo, Outbox outbox) {
        return new AtomicChanges(mongo, outbox);
    }

    /**
     * Retries a failing message a few times, then parks it on {@code <topic>.dlt} and carries on with
     * the next one; poison (unreadable) messages are parked at once.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2));
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(properties.kafka().partitions())
                    .replicas(properties.kafka().replicationFactor()).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1)
                    .replicas(properties.kafka().replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

}
