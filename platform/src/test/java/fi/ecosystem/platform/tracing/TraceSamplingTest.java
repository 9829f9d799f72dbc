package fi.ecosystem.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import brave.sampler.Sampler;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TraceSamplingTest {

    /** How many of 1,000 new traces, started at once, the sampler keeps. */
    private static long kept(Sampler sampler) {
        return LongStream.rangeClosed(1, 1_000).filter(sampler::isSampled).count();
    }

    @Test
    void aBurstKeepsNoMoreTracesThanTheBudgetOfASecond() {
        assertThat(kept(TraceSampling.sampler(1.0f, 10))).isBetween(1L, 10L);
    }

    @Test
    void withoutABudgetTheProbabilityAloneDecides() {
        assertThat(kept(TraceSampling.sampler(1.0f, 0))).isEqualTo(1_000);
        assertThat(kept(TraceSampling.sampler(0.0f, 10))).isZero();
    }

    @Test
    void theServicesUseTheBudgetInsteadOfBootsProbabilityAlone() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TraceSampling.class, BraveAutoConfiguration.class))
                .withPropertyValues("management.tracing.sampling.probability=1.0", "ecosystem.tracing.max-traces-per-second=5")
                .run(context -> assertThat(kept(context.getBean(Sampler.class))).isBetween(1L, 5L));
    }
}
