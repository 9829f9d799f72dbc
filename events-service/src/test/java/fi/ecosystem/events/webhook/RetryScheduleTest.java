package fi.ecosystem.events.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Exponential back-off for a day, then given up. */
class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void theWaitDoublesFromTenSecondsUpToAnHour() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(schedule.delayAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.delayAfter(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void attemptsGoOnForADayAndThenTheDeliveryIsGivenUp() {
        Instant first = Instant.parse("2026-11-30T12:00:00Z");
        Instant giveUpAt = first.plus(Duration.ofDays(1));
        Instant now = first;
        int failed = 0;
        while (true) {
            failed++;
            var next = schedule.next(failed, now, giveUpAt);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }
        assertThat(now).isBefore(giveUpAt).isAfter(giveUpAt.minus(Duration.ofHours(1)));
        // 10 s … 2,560 s (9 attempts, 85 min), then hourly for the rest of the day
        assertThat(failed).isBetween(30, 33);
    }
}
