package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** A message sent through SMTP can be read back from the mail viewer. */
class MailViewerTest {

    @TempDir
    Path tmp;

    private MailServer mail;
    private StackConsole console;
    private int smtpPort;
    private int consolePort;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        smtpPort = LauncherProcess.freePort();
        consolePort = LauncherProcess.freePort();
        Options options = Options.parse(new String[] {"--only=smtp", "--data=" + tmp, "--smtp-port=" + smtpPort,
                "--imap-port=" + LauncherProcess.freePort(), "--console-port=" + consolePort});
        mail = new MailServer(options);
        mail.start();
        console = new StackConsole(consolePort, Map::of, mail, null, false, name -> null);
        console.start();
    }

    @AfterEach
    void stop() {
        console.stop();
        mail.stop();
    }

    @Test
    void sentMessageIsListedWithBodyAndAttachmentAndRawSource() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("events@ecosystem.example"));
        message.setRecipients(Message.RecipientType.TO, "maija@company.example, matti@company.example");
        message.setSubject("Registration confirmed: Growth webinar", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Tervetuloa! You are registered.", "UTF-8");
        MimeBodyPart ics = new MimeBodyPart();
        ics.setContent(CALENDAR, "text/calendar; charset=UTF-8");
        ics.setFileName("event.ics");
        message.setContent(new MimeMultipart(text, ics));
        Transport.send(message);

        HttpResponse<String> list = get("/mail");
        assertEquals(200, list.statusCode());
        List<Map<String, Object>> mails = new ObjectMapper().readValue(list.body(), new TypeReference<>() { });
        assertEquals(1, mails.size(), "two recipients, one message: " + list.body());
        Map<String, Object> m = mails.get(0);
        assertEquals("Registration confirmed: Growth webinar", m.get("subject"));
        assertEquals(List.of("events@ecosystem.example"), m.get("from"));
        assertEquals(List.of("maija@company.example", "matti@company.example"), m.get("to"));
        assertTrue(String.valueOf(m.get("text")).contains("Tervetuloa!"), m.toString());
        assertTrue(m.get("sentAt") != null);
        assertEquals(List.of(Map.of("name", "event.ics", "contentType", "text/calendar",
                        "size", CALENDAR.getBytes(StandardCharsets.UTF_8).length)),
                m.get("attachments"));

        HttpResponse<byte[]> eml = http.send(HttpRequest.newBuilder(uri("/mail/" + m.get("id") + ".eml")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, eml.statusCode());
        // the raw source opens as the message that was sent: subject, text and the calendar itself
        MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(eml.body()));
        assertEquals("Registration confirmed: Growth webinar", read.getSubject());
        MimeMultipart parts = (MimeMultipart) read.getContent();
        assertEquals(2, parts.getCount());
        assertEquals("Tervetuloa! You are registered.", parts.getBodyPart(0).getContent());
        assertEquals("event.ics", parts.getBodyPart(1).getFileName());
        assertEquals(CALENDAR, new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri("/mail")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode());
        assertEquals("[ ]", get("/mail").body().trim());
    }

    /** An attachment of a known length (ASCII, so the size on the wire is the size of the content). */
    static final String CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ecosystem.example.org//events//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:growth-webinar@ecosystem.example.org\r\nSUMMARY:Growth webinar\r\n"
            + "DTSTART:20270201T080000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + consolePort + path);
    }
}
