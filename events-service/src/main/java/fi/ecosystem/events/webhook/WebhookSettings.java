package fi.ecosystem.events.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ecosystem.webhooks.*}: outbound timeouts, the back-off, how often each replica looks for due deliveries,
 * how long a claimed one is held, and whether private and plain-http targets are allowed (local stack and tests only).
 */
@ConfigurationProperties("ecosystem.webhooks")
public record WebhookSettings(
        Boolean allowPrivateTargets,
        Duration connectTimeout,
        Duration readTimeout,
        Duration firstRetry,
        Duration longestRetry,
        Duration retryWindow,
        Duration lease,
        Integer workers,
        Integer endpointsPerClient) {

    public WebhookSettings {
        allowPrivateTargets = allowPrivateTargets != null && allowPrivateTargets;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        firstRetry = firstRetry == null ? RetrySchedule.DEFAULT.first() : firstRetry;
        longestRetry = longestRetry == null ? RetrySchedule.DEFAULT.longest() : longestRetry;
        retryWindow = retryWindow == null ? RetrySchedule.DEFAULT.window() : retryWindow;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        workers = workers == null ? 4 : workers;
        endpointsPerClient = endpointsPerClient == null ? 20 : endpointsPerClient;
    }

    public RetrySchedule retry() {
        return new RetrySchedule(firstRetry, longestRetry, retryWindow);
    }

    public TargetPolicy targets() {
        return new TargetPolicy(allowPrivateTargets);
    }
}
