package fi.ecosystem.platform.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * One handler of one topic: the listener skeleton every consumer of the platform shares. It reads the
 * envelope (poison goes to the dead-letter topic), keeps to the event types it names, and runs the handler
 * once per event id through the {@link Inbox} (or every time, for a handler that is idempotent by itself).
 * A service declares its subscriptions as beans, so its own code never touches Kafka:
 * <pre>
 * &#64;Bean
 * Subscription participantsReached(Inbox inbox, ProjectService projects) {
 *     return inbox.subscribe(Topics.REGISTRATIONS).types(RegistrationChanged.CONFIRMED, RegistrationChanged.PROMOTED)
 *             .once("participants-reached", event -&gt; ...);
 * }
 * </pre>
 * Each subscription is a consumer group of its own ({@code <application>.<group>}) unless it keeps the
 * service's default group, so handlers of one topic keep their own offsets and retries. A handler that writes
 * in bulk takes the events of a poll together instead ({@link Builder#batch}, a {@link BatchSubscription}).
 */
public final class Subscription {

    private final Inbox inbox;
    private final String topic;
    private final String group;
    private final Set<String> types;
    private final Predicate<InboundEvent> condition;
    private final String handler;
    private final Consumer<InboundEvent> action;

    private Subscription(Builder builder, String handler, Consumer<InboundEvent> action) {
        this.inbox = builder.inbox;
        this.topic = builder.topic;
        this.group = builder.group;
        this.types = builder.types;
        this.condition = builder.condition;
        this.handler = handler;
        this.action = Objects.requireNonNull(action, "action");
    }

    static Builder builder(Inbox inbox, String topic) {
        return new Builder(inbox, topic);
    }

    public String topic() {
        return topic;
    }

    /** The suffix of the consumer group after the application's name: empty for the service's default group. */
    public String groupSuffix() {
        return group == null ? "" : "." + group;
    }

    /** The inbox name of the handler, or null if it runs on every delivery. */
    public String handler() {
        return handler;
    }

    @KafkaListener(topics = "#{__listener.topic()}", groupId = "${spring.application.name}#{__listener.groupSuffix()}")
    void on(ConsumerRecord<String, String> record) {
        handle(inbox.receive(record));
    }

    /** What a delivery does once its envelope is read (package-visible for tests without a broker). */
    boolean handle(InboundEvent event) {
        if (!wanted(types, condition, event)) {
            return false;
        }
        if (handler == null) {
            action.accept(event);
            return true;
        }
        return inbox.once(handler, event, action);
    }

    static boolean wanted(Set<String> types, Predicate<InboundEvent> condition, InboundEvent event) {
        return ofType(types, event) && condition.test(event);
    }

    /** Whether the event is of the subscription's types (any type when none are named): read from the envelope. */
    static boolean ofType(Set<String> types, InboundEvent event) {
        return types.isEmpty() || types.contains(event.type());
    }

    public static final class Builder {

        private final Inbox inbox;
        private final String topic;
        private String group;
        private Set<String> types = Set.of();
        private Predicate<InboundEvent> condition = event -> true;
        private int perPoll = BatchSubscription.KAFKA_MAX_POLL_RECORDS;

        private Builder(Inbox inbox, String topic) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            this.topic = Objects.requireNonNull(topic, "topic");
        }

        /** A consumer group of its own, {@code <application>.<group>}, instead of the service's default one. */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /** Only events of these envelope types reach the handler; the others are passed over. */
        public Builder types(String... types) {
            this.types = Set.of(types);
            return this;
        }

        /** Only events meeting the condition reach the handler. */
        public Builder when(Predicate<InboundEvent> condition) {
            this.condition = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /**
         * A batch handler ({@link #batch}) gets at most this many records of a poll (Kafka's {@code max.poll.records},
         * 500 unless told): for a handler whose effects a crash between them and their markers would repeat (mails).
         */
        public Builder atMostPerPoll(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("At least one record per poll");
            }
            this.perPoll = records;
            return this;
        }

        /** The handler runs once per event id: the inbox keeps a marker under this handler's name. */
        public Subscription once(String handler, Consumer<InboundEvent> action) {
            return new Subscription(this, Objects.requireNonNull(handler, "handler"), action);
        }

        /** The handler runs on every delivery: for handlers that are idempotent by themselves. */
        public Subscription always(Consumer<InboundEvent> action) {
            return new Subscription(this, null, action);
        }

        /**
         * The handler runs once per event id, on the not yet handled events of one poll together and in their
         * order (so in order per key): for handlers that write in bulk. It must stay correct when it gets some of
         * the same events again (a crash between its writes and the inbox markers). One whose effects cannot be
         * taken back (a mail sent) and that fails part way says which events took effect with a
         * {@link PartlyHandledException}, so the retry passes them over.
         */
        public BatchSubscription batch(String handler, Consumer<List<InboundEvent>> action) {
            return new BatchSubscription(inbox, topic, group, types, condition, Objects.requireNonNull(handler, "handler"),
                    Objects.requireNonNull(action, "action"), perPoll);
        }

        /**
         * The handler runs on every delivery, on the wanted events of one poll together and in their order: for
         * handlers that are idempotent by themselves and read what they need once per poll instead of once per event.
         */
        public BatchSubscription alwaysTogether(Consumer<List<InboundEvent>> action) {
            return new BatchSubscription(inbox, topic, group, types, condition, null, Objects.requireNonNull(action, "action"),
                    perPoll);
        }
    }
}
