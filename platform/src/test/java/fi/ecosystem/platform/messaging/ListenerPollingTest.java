package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.PlatformDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * The listeners sleep a little after each poll, so a busy topic is read in larger batches; the platform's default
 * has to reach the listener containers, which a misspelt key or a container factory of our own would silently stop.
 */
class ListenerPollingTest {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class));

    private static long idleBetweenPolls(ApplicationContext context) {
        return context.getBean(ConcurrentKafkaListenerContainerFactory.class).getContainerProperties().getIdleBetweenPolls();
    }

    @Test
    void theListenersSleepATenthOfASecondBetweenPollsByDefault() {
        services.run(context -> assertThat(idleBetweenPolls(context)).isEqualTo(100));
    }

    @Test
    void anOperatorCanTurnTheSleepOff() {
        services.withPropertyValues("KAFKA_IDLE_BETWEEN_POLLS=0ms").run(context -> assertThat(idleBetweenPolls(context)).isZero());
    }
}
