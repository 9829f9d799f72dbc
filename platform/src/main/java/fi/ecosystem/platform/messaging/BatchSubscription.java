package fi.ecosystem.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A {@link Subscription} whose handler takes the events of one poll together, to write them in bulk: the inbox
 * reads and writes its markers for them in one round trip each, the handler gets the not yet handled ones in
 * their order (so in order per key). A message that fails is found and dealt with alone, as in a record
 * listener: poison is parked on the dead-letter topic at once, other failures are retried and then parked;
 * the events before it are handled and committed, the ones after it come again in the next poll. A handler without
 * a name ({@link Subscription.Builder#alwaysTogether}) keeps no markers: it runs on every delivery.
 */
public final class BatchSubscription {

    private static final Logger log = LoggerFactory.getLogger(BatchSubscription.class);
    /** Kafka's default {@code max.poll.records}. */
    static final int KAFKA_MAX_POLL_RECORDS = 500;

    private final Inbox inbox;
    private final String topic;
    private final String group;
    private final Set<String> types;
    private final Predicate<InboundEvent> condition;
    private final String handler;
    private final Consumer<List<InboundEvent>> action;
    private final int perPoll;

    BatchSubscription(Inbox inbox, String topic, String group, Set<String> types, Predicate<InboundEvent> condition,
            String handler, Consumer<List<InboundEvent>> action, int perPoll) {
        this.inbox = inbox;
        this.topic = topic;
        this.group = group;
        this.types = types;
        this.condition = condition;
        this.handler = handler;
        this.action = action;
        this.perPoll = perPoll;
    }

    public String topic() {
        return topic;
    }

    /** The suffix of the consumer group after the application's name: empty for the service's default group. */
    public String groupSuffix() {
        return group == null ? "" : "." + group;
    }

    /** The inbox name of the handler, or null if it runs on every delivery ({@link Subscription.Builder#alwaysTogether}). */
    public String handler() {
        return handler;
    }

    /** The consumer properties of this subscription's listener: how many records a poll brings at most. */
    public String consumerProperties() {
        return "max.poll.records=" + perPoll;
    }

    @KafkaListener(topics = "#{__listener.topic()}", groupId = "${spring.application.name}#{__listener.groupSuffix()}",
            batch = "true", properties = "#{__listener.consumerProperties()}")
    void on(List<ConsumerRecord<String, String>> records) {
        List<InboundEvent> typed = new ArrayList<>();
        List<Integer> typedAt = new ArrayList<>();
        int unreadableAt = -1;
        RuntimeException unreadable = null;
        for (int position = 0; position < records.size(); position++) {
            try {
                InboundEvent event = inbox.receive(records.get(position));
                if (Subscription.ofType(types, event)) {
                    typed.add(event);
                    typedAt.add(position);
                }
            } catch (RuntimeException notAnEnvelope) {
                unreadableAt = position;
                unreadable = notAnEnvelope;
                break;
            }
        }
        // a condition may open its event (was the person erased?): the poll's events of the types open together
        inbox.openTogether(typed);
        List<InboundEvent> wanted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> traces = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            InboundEvent event = typed.get(i);
            int position = typedAt.get(i);
            try {
                if (!condition.test(event)) {
                    continue;
                }
            } catch (RuntimeException unreadableByCondition) {
                handle(wanted, positions, traces);
                throw new BatchListenerFailedException(String.valueOf(unreadableByCondition.getMessage()), unreadableByCondition,
                        position);
            }
            wanted.add(event);
            positions.add(position);
            traces.add(traceparent(records.get(position), event));
        }
        handle(wanted, positions, traces);
        if (unreadable != null) {
            throw new BatchListenerFailedException(String.valueOf(unreadable.getMessage()), unreadable, unreadableAt);
        }
    }

    /** The trace context the producer's observation put on the record, else the one the event was created in. */
    private static String traceparent(ConsumerRecord<String, String> record, InboundEvent event) {
        Header header = record.headers().lastHeader(EventTracing.TRACEPARENT);
        return header != null ? new String(header.value(), StandardCharsets.UTF_8) : event.received().traceparent();
    }

    /** Once per event id through the inbox's markers, or on every delivery for a handler without a name. */
    private void run(List<InboundEvent> events) {
        if (handler == null) {
            inbox.openTogether(events);
            action.accept(events);
        } else {
            inbox.onceAll(handler, events, action);
        }
    }

    /**
     * The wanted events of one poll (positions: their places in it), together; if that fails, one at a time in
     * their order, so that the one that fails is retried or parked alone.
     */
    void handle(List<InboundEvent> events, List<Integer> positions, List<String> traces) {
        if (events.isEmpty()) {
            return;
        }
        try {
            inbox.tracing().consumedTogether(traces, topic + " receive", () -> run(events));
            return;
        } catch (RuntimeException oneOfThem) {
            log.debug("A batch of {} events on {} failed; handling them one at a time", events.size(), topic, oneOfThem);
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                run(List.of(events.get(i)));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, positions.get(i));
            }
        }
    }
}
