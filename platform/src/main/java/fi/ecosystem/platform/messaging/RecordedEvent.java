package fi.ecosystem.platform.messaging;

import java.util.Collection;
import java.util.List;

/**
 * What an aggregate says happened, in the words of its contract: the payload is the contract record, built
 * where the event is recorded. {@link Outbox} turns it into the stored {@link OutboxEvent} (id, time, sealing,
 * trace) when the aggregate is written; the aggregate never sees that bookkeeping.
 *
 * @param key the aggregate's id: the Kafka key (order per aggregate) and what the relay looks up
 */
public record RecordedEvent(String topic, String key, String type, int version, List<String> cities, Object payload) {

    public RecordedEvent {
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    public static RecordedEvent of(String topic, String key, String type, int version, Collection<String> cities,
            Object payload) {
        return new RecordedEvent(topic, key, type, version, cities == null ? List.of() : List.copyOf(cities), payload);
    }
}
