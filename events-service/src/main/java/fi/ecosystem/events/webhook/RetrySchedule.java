package fi.ecosystem.events.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential back-off: after the n-th failed attempt the next comes {@code first × 2^(n-1)} later, at most
 * {@code longest} apart, until the delivery's day ({@code window} from its first attempt or its replay) is over;
 * then it is given up.
 */
public record RetrySchedule(Duration first, Duration longest, Duration window) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1));

    /** The wait after this many failed attempts. */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        long factor = failedAttempts > 40 ? Long.MAX_VALUE : 1L << Math.min(failedAttempts - 1, 40);
        long millis = first.toMillis() > longest.toMillis() / factor ? longest.toMillis() : first.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, longest.toMillis()));
    }

    /** When to try again after this many failed attempts, or nothing once that is past the give-up time. */
    public Optional<Instant> next(int failedAttempts, Instant now, Instant giveUpAt) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }
}
