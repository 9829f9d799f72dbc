package fi.ecosystem.events.registration.mail;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.calendar.Calendar;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationStatus;
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
    /** Not a registration change: the mail before a session starts, sent by {@code RegistrationReminders}. */
    public static final String REMINDER = "reminder";
    /** Not a change either: the private link again, after a repeat registration with the address ({@code PrivateLinkMailer}). */
    public static final String LINK_AGAIN = "link-again";

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
                    "en", new String[] {"Your registration is cancelled: %s", "Your registration is cancelled."}),
            REMINDER, Map.of(
                    "fi", new String[] {"Muistutus: %s", "Muistutamme, että tapahtuma on pian. Tervetuloa!"},
                    "sv", new String[] {"Påminnelse: %s", "Vi påminner om att evenemanget börjar snart. Välkommen!"},
                    "en", new String[] {"Reminder: %s", "A reminder that the event is soon. Welcome!"}),
            LINK_AGAIN, Map.of(
                    "fi", new String[] {"Linkki ilmoittautumiseesi: %s", "Tähän tapahtumaan ilmoittauduttiin uudelleen "
                            + "sähköpostiosoitteellasi. Aiempi ilmoittautumisesi on voimassa sellaisenaan; tässä on linkki siihen. "
                            + "Jos et itse ilmoittautunut, voit jättää tämän viestin huomiotta."},
                    "sv", new String[] {"Länk till din anmälan: %s", "Någon anmälde sig på nytt till evenemanget med din "
                            + "e-postadress. Din tidigare anmälan gäller som den är; här är länken till den. "
                            + "Om det inte var du kan du bortse från meddelandet."},
                    "en", new String[] {"The link to your registration: %s", "Someone registered for this event again with "
                            + "your e-mail address. Your earlier registration stands as it was; here is its link. "
                            + "If it was not you, you can ignore this message."}));

    static final Map<String, String> LINK = Map.of(
            "fi", "Voit katsoa tai perua ilmoittautumisesi tästä: %s",
            "sv", "Här kan du se eller avboka din anmälan: %s",
            "en", "You can view or cancel your registration here: %s");
    static final Map<String, String> WHEN = Map.of("fi", "Aika", "sv", "Tid", "en", "Time");
    static final Map<String, String> WHERE = Map.of("fi", "Paikka", "sv", "Plats", "en", "Venue");
    static final Map<String, String> ONLINE = Map.of("fi", "Verkossa", "sv", "Online", "en", "Online");

    private final JavaMailSender mail;
    private final String from;
    private final String privateLink;

    RegistrationMails(JavaMailSender mail, @Value("${ecosystem.mail.from}") String from,
            @Value("${ecosystem.public-url}") String publicUrl,
            @Value("${ecosystem.events.private-link-path:/events/registrations/}") String privateLinkPath) {
        this.mail = mail;
        this.from = from;
        this.privateLink = publicUrl + privateLinkPath;
    }

    public static boolean hasMail(String change) {
        return TEXTS.containsKey(change) && !REMINDER.equals(change) && !LINK_AGAIN.equals(change);
    }

    /** The participant's private page: view, cancel, leave the waiting list. */
    public String privateLink(Registration registration) {
        return privateLink + registration.privateToken();
    }

    public void send(String change, Registration registration, Event event) {
        String language = TEXTS.get(change).containsKey(registration.language()) ? registration.language() : "fi";
        String[] text = TEXTS.get(change).get(language);
        String title = event.title().in(language);
        StringBuilder body = new StringBuilder();
        body.append(registration.firstName()).append(",\n\n").append(text[1]).append("\n\n").append(title).append('\n');
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                "sv".equals(language) ? "d.M.yyyy 'kl.' H.mm" : "en".equals(language) ? "d.M.yyyy 'at' H.mm" : "d.M.yyyy 'klo' H.mm",
                Locale.forLanguageTag(language));
        for (Session session : event.sessions()) {
            body.append(WHEN.get(language)).append(": ").append(format.format(session.startsAt().atZone(HELSINKI)));
            if (session.title() != null && !session.title().in(language).isBlank()) {
                body.append(" – ").append(session.title().in(language));
            }
            body.append('\n');
        }
        if (event.venue() != null && !event.venue().isBlank()) {
            body.append(WHERE.get(language)).append(": ").append(event.venue()).append('\n');
        }
        boolean hasPlace = registration.status() == RegistrationStatus.CONFIRMED || registration.status() == RegistrationStatus.ATTENDED;
        if (hasPlace && event.onlineUrl() != null && !RegistrationChanged.CANCELLED.equals(change)) {
            body.append(ONLINE.get(language)).append(": ").append(event.onlineUrl()).append('\n');
        }
        body.append('\n').append(LINK.get(language).formatted(privateLink(registration))).append('\n');
        try {
            MimeMessage message = mail.createMimeMessage();
            boolean withCalendar = event.startsAt() != null
                    && (RegistrationChanged.CONFIRMED.equals(change) || RegistrationChanged.PROMOTED.equals(change)
                            || REMINDER.equals(change));
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
