package fi.ecosystem.events.registration.mail;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.calendar.Calendar;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The mails of every registration state change, in the registrant's language (texts from the bundle
 * {@code i18n/messages}, times in Helsinki time as the language writes them), with the event as an iCalendar
 * attachment when they have a place, the organiser's contact, and their private link to view or cancel.
 */
@Component
public class RegistrationMails {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** Not a registration change: the mail before a session starts, sent by {@code RegistrationReminders}. */
    public static final String REMINDER = "reminder";
    /** Not a change either: the private link again, after a repeat registration with the address ({@code PrivateLinkMailer}). */
    public static final String LINK_AGAIN = "link-again";

    /** The changes that send a mail; their texts are {@code mail.<change>.subject} and {@code .text} in the bundle. */
    private static final Set<String> MAILED = Set.of(RegistrationChanged.CONFIRMED, RegistrationChanged.WAITLISTED,
            RegistrationChanged.PROMOTED, RegistrationChanged.CANCELLED, RegistrationChanged.OFFERED,
            RegistrationChanged.OFFER_ACCEPTED, RegistrationChanged.OFFER_DECLINED, RegistrationChanged.OFFER_EXPIRED);
    /** The changes that give a place: their mails carry the event as a calendar. */
    private static final Set<String> WITH_CALENDAR = Set.of(RegistrationChanged.CONFIRMED, RegistrationChanged.PROMOTED,
            RegistrationChanged.OFFER_ACCEPTED, REMINDER);
    static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    /** Mails sent over one SMTP connection before it is closed and another opened. */
    public static final int MAILS_PER_CONNECTION = 100;

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String from;
    private final String privateLink;

    RegistrationMails(JavaMailSender mail, MessageSource messages, @Value("${ecosystem.mail.from}") String from,
            @Value("${ecosystem.public-url}") String publicUrl,
            @Value("${ecosystem.events.private-link-path:/events/registrations/}") String privateLinkPath) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
        this.privateLink = publicUrl + privateLinkPath;
    }

    public static boolean hasMail(String change) {
        return MAILED.contains(change);
    }

    /** The participant's private page: view, cancel, leave the waiting list. */
    public String privateLink(Registration registration) {
        return privateLink + registration.privateToken();
    }

    public void send(String change, Registration registration, Event event) {
        send(change, registration, event, null);
    }

    /** A reminder, with the organisers' extra text for it in the registrant's language (null: none). */
    public void sendReminder(Registration registration, Event event, LocalizedText extra) {
        send(REMINDER, registration, event, extra);
    }

    /** The mail of one change, written but not yet sent: {@link #sendAll} sends many over one connection. */
    public MimeMessage compose(String change, Registration registration, Event event) {
        return compose(change, registration, event, null);
    }

    /**
     * Sends the mails over one SMTP connection for every {@value #MAILS_PER_CONNECTION} of them, not one connection per
     * mail (each costs a connection, the server's greeting and, with TLS, a handshake: on the local stack 45 ms a mail
     * against 2 ms). Returns the mails that were not sent, each with the reason; the server took the others.
     */
    public Map<MimeMessage, Exception> sendAll(List<MimeMessage> messages) {
        Map<MimeMessage, Exception> failed = new IdentityHashMap<>();
        for (int from = 0; from < messages.size(); from += MAILS_PER_CONNECTION) {
            List<MimeMessage> part = messages.subList(from, Math.min(messages.size(), from + MAILS_PER_CONNECTION));
            try {
                mail.send(part.toArray(MimeMessage[]::new));
            } catch (MailSendException someFailed) {
                // empty when all were sent and only closing the connection failed
                someFailed.getFailedMessages().forEach((message, why) -> failed.put((MimeMessage) message, why));
            } catch (MailException noneSent) {
                // the server refused the login: nothing of this part was sent
                part.forEach(message -> failed.put(message, noneSent));
            }
        }
        return failed;
    }

    private void send(String change, Registration registration, Event event, LocalizedText extra) {
        mail.send(compose(change, registration, event, extra));
    }

    private MimeMessage compose(String change, Registration registration, Event event, LocalizedText extra) {
        String language = LANGUAGES.contains(registration.language()) ? registration.language() : "fi";
        Locale locale = Locale.forLanguageTag(language);
        String title = event.title().in(language);
        StringBuilder body = new StringBuilder();
        body.append(text("mail.greeting", locale, registration.firstName())).append("\n\n")
                .append(text("mail." + change + ".text", locale)).append("\n\n");
        String extraText = extra == null ? "" : extra.in(language);
        if (extraText != null && !extraText.isBlank()) {
            body.append(extraText.strip()).append("\n\n");
        }
        body.append(title).append('\n');
        DateTimeFormatter format = DateTimeFormatter.ofPattern(text("mail.dateTime", locale), locale);
        for (Session session : event.sessions()) {
            body.append(text("mail.when", locale)).append(": ").append(format.format(session.startsAt().atZone(HELSINKI)));
            if (session.title() != null && !session.title().in(language).isBlank()) {
                body.append(" – ").append(session.title().in(language));
            }
            body.append('\n');
        }
        if (event.venue() != null && !event.venue().isBlank()) {
            body.append(text("mail.where", locale)).append(": ").append(event.venue()).append('\n');
        }
        boolean hasPlace = registration.status() == RegistrationStatus.CONFIRMED || registration.status() == RegistrationStatus.ATTENDED;
        if (hasPlace && event.onlineUrl() != null && !RegistrationChanged.CANCELLED.equals(change)) {
            body.append(text("mail.online", locale)).append(": ").append(event.onlineUrl()).append('\n');
        }
        OrganiserContact contact = event.contact();
        if (contact != null) {
            body.append('\n').append(text("mail.contact", locale)).append(": ").append(contact.name() == null ? "" : contact.name());
            for (String way : new String[] {contact.email(), contact.phone()}) {
                if (way != null) {
                    body.append(", ").append(way);
                }
            }
            body.append('\n');
        }
        if (RegistrationChanged.OFFERED.equals(change) && registration.offeredUntil() != null) {
            // the answer is given on the private pages behind these links (a GET never answers: mail scanners follow links)
            body.append('\n').append(text("mail.offerUntil", locale, format.format(registration.offeredUntil().atZone(HELSINKI))))
                    .append('\n').append(text("mail.accept", locale, privateLink(registration) + "/accept")).append('\n')
                    .append(text("mail.decline", locale, privateLink(registration) + "/decline")).append('\n');
        }
        if (RegistrationChanged.WAITLISTED.equals(change) && registration.status() == RegistrationStatus.WAITLISTED) {
            body.append('\n').append(text("mail.leave", locale, privateLink(registration) + "/cancel")).append('\n');
        }
        body.append('\n').append(text("mail.link", locale, privateLink(registration))).append('\n');
        try {
            MimeMessage message = mail.createMimeMessage();
            boolean withCalendar = event.startsAt() != null && WITH_CALENDAR.contains(change);
            MimeMessageHelper helper = new MimeMessageHelper(message, withCalendar, "UTF-8");
            helper.setFrom(from);
            helper.setTo(registration.email());
            helper.setSubject(text("mail." + change + ".subject", locale, title));
            helper.setText(body.toString());
            if (withCalendar) {
                helper.addAttachment("event.ics", new ByteArrayResource(
                        Calendar.of(List.of(event), language, "PUBLISH").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the mail for registration " + registration.id(), e);
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, locale);
    }
}
