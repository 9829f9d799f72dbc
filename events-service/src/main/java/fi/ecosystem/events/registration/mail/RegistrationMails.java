package fi.ecosystem.events.registration.mail;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.calendar.Calendar;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.registration.Registration;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The mails of every registration state change, in the registrant's language, with the event as an
 * iCalendar attachment when they have a place, and their private link to view or cancel.
 */
@Component
public class RegistrationMails {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** Subject and first line per change and language; {0} is the event's title. */
    static final Map<String, Map<String, String[]>> TEXTS = Map.of(
            RegistrationChanged.CONFIRMED, Map.of(
                    "fi", new String[] {"Ilmoittautumisesi on vahvistettu: %s", "Tervetuloa! Paikkasi on vahvistettu."},
                    "sv", new String[] {"Din anmälan är bekräftad: %s", "Välkommen! Din plats är bekräftad."},
                    "en", new String[] {"Your registration is confirmed: %s", "Welcome! Your place is confirmed."}),
            RegistrationChanged.WAITLISTED, Map.of(
                    "fi", new String[] {"Olet jonossa: %s", "Tapahtuma on täynnä. Olet jonossa ja saat paikan automaattisesti, jos sellainen vapautuu."},
                    "sv", new String[] {"Du står på väntelistan: %s", "Evenemanget är fullt. Du står på väntelistan och får en plats automatiskt om en blir ledig."},
                    "en", new String[] {"You are on the waiting list: %s", "The event is full. You are on the waiting list and get a place automatically if one frees up."}),
            RegistrationChanged.PROMOTED, Map.of(
                    "fi", new String[] {"Pääsit mukaan jonosta: %s", "Paikka vapautui, ja se on nyt sinun."},
                    "sv", new String[] {"Du fick en plats från väntelistan: %s", "En plats blev ledig och den är nu din."},
                    "en", new String[] {"You got a place from the waiting list: %s", "A place freed up and it is now yours."}),
            RegistrationChanged.CANCELLED, Map.of(
                    "fi", new String[] {"Ilmoittautumisesi on peruttu: %s", "Ilmoittautumisesi on peruttu."},
                    "sv", new String[] {"Din anmälan är avbokad: %s", "Din anmälan är avbokad."},
                    "en", new String[] {"Your registration is cancelled: %s", "Your registration is cancelled."}));

    static final Map<String, String> LINK = Map.of(
            "fi", "Voit katsoa tai perua ilmoittautumisesi tästä: %s",
            "sv", "Här kan du se eller avboka din anmälan: %s",
            "en", "You can view or cancel your registration here: %s");
    static final Map<String, String> WHEN = Map.of("fi", "Aika", "sv", "Tid", "en", "Time");

    private final JavaMailSender mail;
    private final String from;
    private final String publicUrl;

    RegistrationMails(JavaMailSender mail, @Value("${ecosystem.mail.from}") String from,
            @Value("${ecosystem.public-url}") String publicUrl) {
        this.mail = mail;
        this.from = from;
        this.publicUrl = publicUrl;
    }

    public static boolean hasMail(String change) {
        return TEXTS.containsKey(change);
    }

    public void send(String change, Registration registration, Event event) {
        String language = TEXTS.get(change).containsKey(registration.language()) ? registration.language() : "fi";
        String[] text = TEXTS.get(change).get(language);
        String title = event.title().in(language);
        StringBuilder body = new StringBuilder();
        body.append(registration.firstName()).append(",\n\n").append(text[1]).append("\n\n").append(title).append('\n');
        if (event.startsAt() != null) {
            DateTimeFormatter format = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm", Locale.forLanguageTag(language));
            body.append(WHEN.get(language)).append(": ").append(format.format(event.startsAt().atZone(HELSINKI))).append('\n');
        }
        body.append('\n').append(LINK.get(language).formatted(publicUrl + "/public/registrations/" + registration.privateToken()))
                .append('\n');
        try {
            MimeMessage message = mail.createMimeMessage();
            boolean withCalendar = event.startsAt() != null
                    && (RegistrationChanged.CONFIRMED.equals(change) || RegistrationChanged.PROMOTED.equals(change));
            MimeMessageHelper helper = new MimeMessageHelper(message, withCalendar, "UTF-8");
            helper.setFrom(from);
            helper.setTo(registration.email());
            helper.setSubject(text[0].formatted(title));
            helper.setText(body.toString());
            if (withCalendar) {
                helper.addAttachment("event.ics", new ByteArrayResource(
                        Calendar.of(List.of(event), language, "PUBLISH").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the mail for registration " + registration.id(), e);
        }
    }
}
