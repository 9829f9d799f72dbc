package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

/**
 * A Swedish-speaking visitor's whole public journey, in a real Chromium with a fresh profile: a direct link to
 * an event with {@code lang=sv}, the registration, the Swedish "check your e-mail" page, the Swedish
 * confirmation mail read from the stack's SMTP server, the private link with the organiser's contact and the
 * organising city's privacy notice, and the event's .ics file, parsed strictly. axe-core finds nothing on any
 * page visited.
 */
@ExtendWith(Stack.class)
class SwedishPublicJourneyIT {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** 9.00 in Helsinki on a summer day (UTC+3): a calendar that took the time for UTC or winter time would be wrong. */
    static final Instant STARTS = Instant.parse("2027-06-01T06:00:00Z");
    static final Instant ENDS = Instant.parse("2027-06-01T07:30:00Z");

    @Test
    void aSwedishVisitorRegistersFromALinkReadsTheSwedishMailAndTakesTheEventToHerCalendar() throws Exception {
        String event = swedishEvent();
        String email = "sara." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            assertThat(driver.manage().getCookies()).isEmpty();

            driver.get(Stack.GATEWAY + "/events/" + event + "?lang=sv");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tillväxtwebbinarium för företag");
            String eventPage = driver.findElement(By.tagName("main")).getText();
            assertThat(eventPage).contains("Arrangör", "Olli Organisaattori", "olli.organisaattori@example.org",
                    "Lägg till i kalendern", "1.6.2027 kl. 9.00–10.30", "Anmäl dig").doesNotContain("Ilmoittaudu");
            assertPrivacyNoticeAndContact(driver);
            chromium.axe("sv: event from a direct link");

            driver.findElement(By.id("firstName")).sendKeys("Sara");
            driver.findElement(By.id("lastName")).sendKeys("Svensson");
            driver.findElement(By.id("email")).sendKeys(email);
            FirstVisitIT.submit(driver, driver.findElement(By.cssSelector("main form button[type=submit]")));

            assertThat(driver.getCurrentUrl()).endsWith("/events/" + event + "/received");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kolla din e-post");
            assertPrivacyNoticeAndContact(driver);
            chromium.axe("sv: check your e-mail");

            // the confirmation, in Swedish, from the stack's real SMTP server
            await().atMost(Duration.ofSeconds(90)).until(() -> EventsIT.mailTo(email) != null);
            JsonNode mail = EventsIT.mailTo(email);
            assertThat(mail.get("subject").asString()).isEqualTo("Din anmälan är bekräftad: Tillväxtwebbinarium för företag");
            assertThat(mail.get("text").asString()).contains("Hej Sara,", "Välkommen! Din plats är bekräftad.",
                    "Tid: 1.6.2027 kl. 9.00", "Plats: Kansakoulukatu 3, Helsingfors",
                    "Mer information ger: Olli Organisaattori, olli.organisaattori@example.org, +358 40 123 4567",
                    "Här kan du se eller avboka din anmälan: ").doesNotContain("Ilmoittautumisesi", "klo");
            String token = EventsIT.privateTokenIn(mail);

            driver.get(Stack.GATEWAY + "/events/registrations/" + token);
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Din anmälan");
            assertThat(driver.findElement(By.id("registration-status")).getText()).isEqualTo("Bekräftad");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Sara Svensson", email, "1.6.2027 kl. 9.00–10.30");
            assertPrivacyNoticeAndContact(driver);
            chromium.axe("sv: participant's private page");

            String calendarLink = driver.findElement(By.id("calendar-file")).getAttribute("href");
            assertThat(calendarLink).isEqualTo(Stack.GATEWAY + "/public/events/" + event + "/calendar.ics?lang=sv");
            assertThat(driver.findElement(By.id("calendar-file")).getAttribute("download")).isNotNull();
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.text().then(text => done([r.status, r.headers.get('content-type'),
                        r.headers.get('content-disposition'), text]))).catch(e => done([0, String(e), '', '']));
                    """, calendarLink);
            assertThat(((Number) download.get(0)).intValue()).as(String.valueOf(download)).isEqualTo(200);
            assertThat((String) download.get(1)).startsWith("text/calendar");
            assertThat((String) download.get(2)).startsWith("attachment").contains(event + ".ics");

            List<Map<String, String>> entries = strictlyParsedEvents((String) download.get(3));
            assertThat(entries).hasSize(1);
            Map<String, String> entry = entries.get(0);
            assertThat(entry.get("SUMMARY")).isEqualTo("Tillväxtwebbinarium för företag");
            assertThat(entry.get("LOCATION")).isEqualTo("Kansakoulukatu 3\\, Helsingfors");
            assertThat(entry.get("URL")).isEqualTo(Stack.GATEWAY + "/events/" + event);
            assertThat(entry.get("ORGANIZER;CN=\"Olli Organisaattori\"")).isEqualTo("mailto:olli.organisaattori@example.org");
            ZonedDateTime start = utc(entry.get("DTSTART")).atZone(HELSINKI);
            ZonedDateTime end = utc(entry.get("DTEND")).atZone(HELSINKI);
            // what the page says, 1.6.2027 kl. 9.00–10.30, is what a calendar in Helsinki shows
            assertThat(DateTimeFormatter.ofPattern("d.M.yyyy H.mm").format(start)).isEqualTo("1.6.2027 9.00");
            assertThat(DateTimeFormatter.ofPattern("H.mm").format(end)).isEqualTo("10.30");
        }
    }

    private static void assertPrivacyNoticeAndContact(WebDriver driver) {
        assertThat(driver.findElement(By.id("organiser-name")).getText()).isEqualTo("Olli Organisaattori");
        assertThat(driver.findElement(By.id("organiser-email")).getAttribute("href")).isEqualTo("mailto:olli.organisaattori@example.org");
        assertThat(driver.findElement(By.id("privacy-notice")).getText()).startsWith("Dataskyddsbeskrivning");
        // the organising city's own notice, in Swedish, as configured for the web UI
        assertThat(driver.findElement(By.id("privacy-notice")).getAttribute("href"))
                .isEqualTo("https://helsinki.example.org/sv/dataskydd/evenemangsanmalningar");
    }

    /** A published event of Helsinki's project with a Swedish title, a venue and an organiser's contact. */
    private static String swedishEvent() throws Exception {
        String integrator = MessagingIT.integrator();
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", integrator, """
                    {"projectId": "%s", "type": "WEBINAR",
                     "title": {"fi": "Kasvuwebinaari yrityksille", "sv": "Tillväxtwebbinarium för företag", "en": "Growth webinar"},
                     "venue": "Kansakoulukatu 3, Helsingfors", "capacity": 30, "startsAt": "%s", "endsAt": "%s",
                     "contact": {"name": "Olli Organisaattori", "email": "olli.organisaattori@example.org", "phone": "+358 40 123 4567"}}
                    """.formatted(MessagingIT.PROJECT, STARTS, ENDS));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // the project's read model not there yet
            return false;
        });
        HttpResponse<String> published = Api.post(Stack.GATEWAY + "/api/events/" + id[0] + "/publish", integrator, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("\"contact\":{\"name\":\"Olli Organisaattori\"");
        return id[0];
    }

    private static final Pattern CONTENT_LINE = Pattern.compile("[A-Za-z0-9-]+(;[A-Za-z0-9-]+=(\"[^\"]*\"|[^;:,\"]*))*:.*");
    private static final Pattern UTC_TIME = Pattern.compile("\\d{8}T\\d{6}Z");

    /**
     * The VEVENTs of an iCalendar file, read by the rules of RFC 5545 and refused at the first break of them: CRLF
     * after every line, no line over 75 octets, folded lines unfolded, every line a name with parameters and a value,
     * BEGIN/END nested, VERSION 2.0 and PRODID, and every VEVENT with UID, DTSTAMP, and DTSTART/DTEND in UTC. Each
     * entry maps a line's name with its parameters to its value.
     */
    static List<Map<String, String>> strictlyParsedEvents(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        String[] physical = ics.substring(0, ics.length() - 2).split("\r\n", -1);
        List<String> lines = new ArrayList<>();
        for (String line : physical) {
            assertThat(line).as("a bare line feed or carriage return").doesNotContain("\n", "\r");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of " + line).isLessThanOrEqualTo(75);
            if (line.startsWith(" ") || line.startsWith("\t")) {
                assertThat(lines).as("a continuation line first").isNotEmpty();
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        Deque<String> open = new ArrayDeque<>();
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> calendar = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            assertThat(line).as("a content line").matches(CONTENT_LINE);
            int colon = nameEnd(line);
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN")) {
                open.push(value);
                if (value.equals("VEVENT")) {
                    assertThat(open).as("a VEVENT directly inside the VCALENDAR").hasSize(2);
                    current = new LinkedHashMap<>();
                }
            } else if (name.equals("END")) {
                assertThat(open).as("END:" + value + " closes what was opened").isNotEmpty();
                assertThat(open.pop()).isEqualTo(value);
                if (value.equals("VEVENT")) {
                    for (String required : List.of("UID", "DTSTAMP", "DTSTART", "DTEND")) {
                        assertThat(current).as("VEVENT has " + required).containsKey(required);
                    }
                    for (String time : List.of("DTSTAMP", "DTSTART", "DTEND")) {
                        assertThat(current.get(time)).as(time).matches(UTC_TIME);
                    }
                    events.add(current);
                    current = null;
                }
            } else {
                assertThat(open).as(name + " inside a component").isNotEmpty();
                Map<String, String> target = current != null ? current : calendar;
                assertThat(target.put(name, value)).as(name + " once").isNull();
            }
        }
        assertThat(open).as("every BEGIN ended").isEmpty();
        assertThat(calendar).containsEntry("VERSION", "2.0").containsKey("PRODID");
        return events;
    }

    /** Where a content line's name and parameters end: the first colon outside a quoted parameter value. */
    private static int nameEnd(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        throw new AssertionError("no value in " + line);
    }

    private static Instant utc(String basic) {
        return ZonedDateTime.parse(basic, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).toInstant();
    }
}
