package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Duration;

/**
 * A reminder an organiser set for the event: mailed to everyone with a place {@code hoursBefore} each session
 * starts, with the organiser's extra text (fi/sv/en, may be empty). An event with none keeps the service's
 * default reminder (a day before).
 */
public record Reminder(String id, int hoursBefore, LocalizedText text) {

    /** At most two weeks ahead: a reminder is about what is soon. */
    public static final int MAX_HOURS = 336;
    public static final int MAX_TEXT = 1000;
    public static final Duration MAX_HOURS_AHEAD = Duration.ofHours(MAX_HOURS);

    public Duration before() {
        return Duration.ofHours(hoursBefore);
    }
}
