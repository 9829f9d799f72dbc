package fi.ecosystem.gateway;

import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which new traces the gateway starts: the services' rule (platform {@code TraceSampling}), each with the configured
 * probability and at most {@code ecosystem.tracing.max-traces-per-second} a second. Almost every trace starts here,
 * and the services follow the decision the gateway sends along.
 */
@Configuration(proxyBeanMethods = false)
class GatewayTracing {

    @Bean
    Sampler traceSampler(@Value("${management.tracing.sampling.probability:0.1}") float probability,
            @Value("${ecosystem.tracing.max-traces-per-second:0}") int maxPerSecond) {
        Sampler chance = Sampler.create(probability);
        if (maxPerSecond <= 0) {
            return chance;
        }
        Sampler budget = RateLimitingSampler.create(maxPerSecond);
        return new Sampler() {
            @Override
            public boolean isSampled(long traceId) {
                return chance.isSampled(traceId) && budget.isSampled(traceId);
            }
        };
    }
}
