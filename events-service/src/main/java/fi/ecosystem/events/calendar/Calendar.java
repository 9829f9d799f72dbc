package fi.ecosystem.events.calendar;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * iCalendar (RFC 5545) for events: the attachment of confirmation mails and the public feed. Times in UTC,
 * which every calendar shows in its user's zone (Europe/Helsinki for ours).
 */
public final class Calendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Calendar() {
    }

    public static String of(List<Event> events, String language, String method) {
        return of(events, language, method, null);
    }

    /**
     * @param pageUrl the public page of the events, before their id (e.g. {@code https://…/events/}); null: no URL
     */
    public static String of(List<Event> events, String language, String method, String pageUrl) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Innovation ecosystem platform//events//" + language.toUpperCase());
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method);
        for (Event event : events) {
            if (event.startsAt() == null) {
                continue; // nothing to put in a calendar yet
            }
            for (Session session : event.sessions()) {
                String summary = event.title().in(language);
                if (session.title() != null && !session.title().in(language).isBlank()) {
                    summary += " – " + session.title().in(language);
                }
                line(ics, "BEGIN:VEVENT");
                line(ics, "UID:" + event.id() + "-" + session.id() + "@ecosystem.example.org");
                line(ics, "DTSTAMP:" + UTC.format(Instant.now()));
                line(ics, "DTSTART:" + UTC.format(session.startsAt()));
                line(ics, "DTEND:" + UTC.format(session.endsOrAnHourAfterStart()));
                line(ics, "SUMMARY:" + text(summary));
                if (event.venue() != null && !event.venue().isBlank()) {
                    line(ics, "LOCATION:" + text(event.venue()));
                }
                if (pageUrl != null) {
                    line(ics, "URL:" + pageUrl + event.id());
                }
                OrganiserContact contact = event.contact();
                if (contact != null && contact.email() != null) {
                    // CN is a parameter value: quoted, and a quote cannot appear inside (RFC 5545 3.2)
                    String name = contact.name() == null ? "" : ";CN=\"" + contact.name().replace("\"", "'") + "\"";
                    line(ics, "ORGANIZER" + name + ":mailto:" + contact.email());
                }
                line(ics, "STATUS:" + ("CANCELLED".equals(event.status().name()) ? "CANCELLED" : "CONFIRMED"));
                line(ics, "END:VEVENT");
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** Escapes text values (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Lines end in CRLF and are folded at 75 octets (RFC 5545 3.1). */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            ics.append(content).append("\r\n");
            return;
        }
        StringBuilder current = new StringBuilder();
        int octets = 0;
        boolean first = true;
        for (int offset = 0; offset < content.length(); ) {
            int codePoint = content.codePointAt(offset);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > (first ? 75 : 74)) {
                ics.append(first ? "" : " ").append(current).append("\r\n");
                current.setLength(0);
                octets = 0;
                first = false;
            }
            current.append(character);
            octets += size;
            offset += Character.charCount(codePoint);
        }
        ics.append(first ? "" : " ").append(current).append("\r\n");
    }
}
