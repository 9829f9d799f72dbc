package fi.ecosystem.platform.tracing;

import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Which new traces are kept: each with the configured probability ({@code management.tracing.sampling.probability}),
 * and at most {@code ecosystem.tracing.max-traces-per-second} of them a second in each process. A person using the
 * platform, or a test, sees every trace; a burst of thousands of requests a second costs the spans of a few dozen,
 * not of every request in every service and a Zipkin collector that cannot keep up. A request that arrives with a
 * trace context follows its caller's decision, so a trace is whole or absent. The gateway, which does not use the
 * platform, keeps the same rule ({@code fi.ecosystem.gateway.GatewayTracing}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnClass(Sampler.class)
public class TraceSampling {

    @Bean
    Sampler traceSampler(@Value("${management.tracing.sampling.probability:0.1}") float probability,
            @Value("${ecosystem.tracing.max-traces-per-second:0}") int maxPerSecond) {
        return sampler(probability, maxPerSecond);
    }

    /** @param maxPerSecond at most this many new traces a second; 0 or less: no limit beyond the probability */
    public static Sampler sampler(float probability, int maxPerSecond) {
        Sampler chance = Sampler.create(probability);
        if (maxPerSecond <= 0) {
            return chance;
        }
        Sampler budget = RateLimitingSampler.create(maxPerSecond);
        return new Sampler() {
            @Override
            public boolean isSampled(long traceId) {
                // the budget is spent only on traces the probability keeps
                return chance.isSampled(traceId) && budget.isSampled(traceId);
            }
        };
    }
}
