package fi.ecosystem.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What travels on every topic, shaped after CloudEvents: the payload ({@code data}) is the JSON of one
 * of the versioned records in this module, named by {@code type} and {@code version} — never by a Java
 * class name. Consumers ignore fields they do not know, so producers may add fields within a version.
 *
 * @param id          unique event id; consumers use it to handle each event once
 * @param type        e.g. {@code project.changed}
 * @param version     version of the payload schema for that type
 * @param time        when it happened
 * @param source      the producing service
 * @param subject     id of the aggregate the event is about (also the Kafka key)
 * @param cities      organisation aliases of the cities the aggregate belongs to (for routing and access)
 * @param traceparent W3C trace context of the request that caused it, if any
 * @param data        the payload
 */
public record EventEnvelope(
        String id,
        String type,
        int version,
        Instant time,
        String source,
        String subject,
        List<String> cities,
        String traceparent,
        Map<String, Object> data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        cities = cities == null ? List.of() : List.copyOf(cities);
        data = data == null ? Map.of() : data;
    }
}
