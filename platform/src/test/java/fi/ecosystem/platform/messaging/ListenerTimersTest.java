package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The listener timers of batch and record listeners both reach Prometheus: spring-kafka gives them one name with two
 * sets of tag keys, and Prometheus drops the second set without the platform's filter.
 */
class ListenerTimersTest {

    @Test
    void theBatchListenersTimerIsKeptApartFromTheObservedRecordListenersTimer() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.config().meterFilter(new MessagingAutoConfiguration().batchListenerTimersApart());

        // as spring-kafka's MicrometerHolder times a batch listener
        Timer.builder("spring.kafka.listener").tags("name", "org.springframework.kafka.KafkaListenerEndpointContainer#3-0",
                "result", "success", "exception", "none").register(meters).record(Duration.ofMillis(40));
        // as the observation times a record listener
        Timer.builder("spring.kafka.listener").tags("spring.kafka.listener.id", "org.springframework.kafka.KafkaListenerEndpointContainer#8-0",
                "error", "none", "messaging.system", "kafka", "messaging.operation", "process",
                "messaging.source.kind", "topic", "messaging.source.name", "projects",
                "messaging.kafka.consumer.group", "events-service.project-access").register(meters).record(Duration.ofMillis(5));

        String scraped = meters.scrape();
        assertThat(scraped).contains("spring_kafka_listener_batch_seconds_count{exception=\"none\",name=\"org.springframework.kafka.KafkaListenerEndpointContainer#3-0\",result=\"success\"} 1");
        assertThat(scraped).containsPattern("spring_kafka_listener_seconds_count\\{error=\"none\",[^}]*spring_kafka_listener_id=\"org.springframework.kafka.KafkaListenerEndpointContainer#8-0\"} 1");
    }
}
