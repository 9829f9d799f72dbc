package fi.ecosystem.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a request's trace through the outbox: the event stores the W3C {@code traceparent} of the span
 * that caused it, and the relay, which publishes later on its own thread, sends it inside a span that
 * continues that trace. Kafka's producer and listener observations then carry it on the record's headers,
 * so a consumer's work belongs to the same trace as the request.
 */
public class EventTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's W3C trace context, or null outside a (sampled or not) real span. */
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop() || span.context().traceId().isEmpty()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code work} in a span named {@code name} that continues {@code traceparent}; without one, as it is. */
    public <T> T continued(String traceparent, String name, Supplier<T> work) {
        if (!isTraceparent(traceparent)) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs {@code work}, which handles several events together, in one consumer span per event that continues
     * the event's trace (those without a trace context get none): each registration's trace shows the consumer
     * that handled it, as a record listener's observation would.
     */
    public void consumedTogether(List<String> traceparents, String name, Runnable work) {
        List<Span> spans = new ArrayList<>();
        for (String traceparent : traceparents) {
            if (isTraceparent(traceparent)) {
                spans.add(propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).kind(Span.Kind.CONSUMER)
                        .name(name).remoteServiceName("kafka").start());
            }
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** {@code 00-<32 hex>-<16 hex>-<2 hex>}; anything else (an older event's {@code 00---00}) starts no span. */
    static boolean isTraceparent(String value) {
        return value != null && value.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                && !value.contains("-00000000000000000000000000000000-");
    }
}
