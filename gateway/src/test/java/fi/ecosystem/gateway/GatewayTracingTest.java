package fi.ecosystem.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import brave.sampler.Sampler;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GatewayTracingTest {

    private static long keptOfThousandAtOnce(Sampler sampler) {
        return LongStream.rangeClosed(1, 1_000).filter(sampler::isSampled).count();
    }

    @Test
    void aBurstKeepsNoMoreTracesThanTheBudgetOfASecond() {
        assertThat(keptOfThousandAtOnce(new GatewayTracing().traceSampler(1.0f, 10))).isBetween(1L, 10L);
    }

    @Test
    void withoutABudgetTheProbabilityAloneDecides() {
        assertThat(keptOfThousandAtOnce(new GatewayTracing().traceSampler(1.0f, 0))).isEqualTo(1_000);
        assertThat(keptOfThousandAtOnce(new GatewayTracing().traceSampler(0.0f, 10))).isZero();
    }
}
