package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request's trace context goes into the event and comes out around its publishing, with a real Brave tracer. */
class EventTracingTest {

    private final List<MutableSpan> reported = new CopyOnWriteArrayList<>();
    private final Tracing brave = Tracing.newBuilder().propagationFactory(new W3CPropagation())
            .addSpanHandler(new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    reported.add(span);
                    return true;
                }
            })
            .currentTraceContext(ThreadLocalCurrentTraceContext.create()).traceId128Bit(true).build();
    private final Tracer tracer = new BraveTracer(brave.tracer(), new BraveCurrentTraceContext(brave.currentTraceContext()));
    private final EventTracing tracing = new EventTracing(tracer, new BravePropagator(brave));

    @AfterEach
    void close() {
        brave.close();
    }

    @Test
    void anEventCreatedInARequestCarriesThatRequestsW3cTraceContext() {
        assertThat(tracing.currentTraceparent()).as("outside a request").isNull();
        Span request = tracer.nextSpan().name("http post").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            assertThat(tracing.currentTraceparent())
                    .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        } finally {
            request.end();
        }
    }

    @Test
    void eventsHandledTogetherEachGetAConsumerSpanInTheirOwnTrace() {
        String first = "4bf92f3577b34da6a3ce929d0e0e4736";
        String second = "5cf92f3577b34da6a3ce929d0e0e4737";
        boolean[] ran = {false};
        tracing.consumedTogether(java.util.Arrays.asList("00-" + first + "-00f067aa0ba902b7-01", null, "00---00",
                "00-" + second + "-00f067aa0ba902b8-01"), "registrations receive", () -> ran[0] = true);

        assertThat(ran[0]).isTrue();
        assertThat(reported).as("one per event with a trace context, none for the others").hasSize(2)
                .allSatisfy(span -> assertThat(span.kind()).hasToString("CONSUMER"))
                .extracting(MutableSpan::traceId).containsExactlyInAnyOrder(first, second);
        assertThat(reported).extracting(MutableSpan::parentId).containsExactlyInAnyOrder("00f067aa0ba902b7", "00f067aa0ba902b8");
    }

    @Test
    void publishingLaterContinuesTheStoredTraceAsAChildOfTheRequest() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String requestSpan = "00f067aa0ba902b7";
        String[] seen = new String[3];
        String answer = tracing.continued("00-" + traceId + "-" + requestSpan + "-01", "outbox registration.confirmed", () -> {
            Span current = tracer.currentSpan();
            seen[0] = current.context().traceId();
            seen[1] = current.context().parentId();
            seen[2] = current.context().spanId();
            return "sent";
        });
        assertThat(answer).isEqualTo("sent");
        assertThat(seen[0]).isEqualTo(traceId);
        assertThat(seen[1]).isEqualTo(requestSpan);
        assertThat(seen[2]).isNotEqualTo(requestSpan).hasSize(16);
        assertThat(tracer.currentSpan()).as("the span is closed after publishing").isNull();
    }

    @Test
    void anEventWithoutAUsableTraceContextIsPublishedOutsideAnyTrace() {
        for (String stored : new String[] {null, "00---00", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}) {
            Span[] during = new Span[1];
            assertThat(tracing.continued(stored, "outbox", () -> {
                during[0] = tracer.currentSpan();
                return "sent";
            })).isEqualTo("sent");
            assertThat(during[0]).as(String.valueOf(stored)).isNull();
        }
        assertThat(EventTracing.isTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
    }
}
