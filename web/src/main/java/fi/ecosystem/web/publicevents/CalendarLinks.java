package fi.ecosystem.web.publicevents;

import fi.ecosystem.web.support.Formats;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Add to calendar" for one event, for templates as {@code @calendarLinks}: the event's iCalendar file from
 * events-service (every session, any calendar app) and, for an event of one meeting, Google Calendar's own
 * "new event" page. Times go out in UTC, so every calendar shows them right in its user's zone.
 */
@Component("calendarLinks")
public class CalendarLinks {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String GOOGLE = "https://calendar.google.com/calendar/render";

    /** The .ics download of one published event, its texts in the page's language. */
    public String ics(Object eventId) {
        return UriComponentsBuilder.fromPath("/public/events/{id}/calendar.ics").queryParam("lang", Formats.language())
                .buildAndExpand(String.valueOf(eventId)).encode().toUriString();
    }

    /** Google Calendar's page for a new event with this title, time and place; null without a start. */
    public String google(String title, Object startsAt, Object endsAt, Object venue) {
        Instant start = instant(startsAt);
        if (start == null) {
            return null;
        }
        Instant end = instant(endsAt);
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString(GOOGLE).queryParam("action", "TEMPLATE")
                .queryParam("text", title)
                .queryParam("dates", UTC.format(start) + "/" + UTC.format(end != null ? end : start.plusSeconds(3600)))
                .queryParam("ctz", Formats.HELSINKI.getId());
        if (venue instanceof String place && !place.isBlank()) {
            link.queryParam("location", place);
        }
        return link.encode().toUriString();
    }

    /** A phone number as written, as a {@code tel:} address (digits and a leading plus). */
    public String tel(Object phone) {
        return phone == null ? null : "tel:" + String.valueOf(phone).replaceAll("[^0-9+]", "");
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : value instanceof Instant given ? given : Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }
}
