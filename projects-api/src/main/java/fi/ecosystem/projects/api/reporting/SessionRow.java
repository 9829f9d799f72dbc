package fi.ecosystem.projects.api.reporting;

import java.time.LocalDate;

/** One session of a counting event with the distinct people checked in to it ({@code sessionId} null: the whole event). */
public record SessionRow(String eventId, String event, String sessionId, LocalDate heldOn, long people) {
}
