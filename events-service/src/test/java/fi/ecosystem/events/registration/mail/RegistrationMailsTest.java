package fi.ecosystem.events.registration.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventDetails;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.Registrations;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import fi.ecosystem.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.javamail.JavaMailSender;

/** A mail is written from the message bundle in the registrant's language, with Helsinki times as that language writes them. */
class RegistrationMailsTest {

    static final Event EVENT = Event.draft("ev-1", "kasvun-ekosysteemit", "helsinki", new EventDetails(EventType.WORKSHOP,
            new LocalizedText("Kasvupaja", "Tillväxtverkstad", "Growth workshop"), null, "Business Helsinki", "Kansakoulukatu 3",
            null, 20, List.of(new Session("main", null, Instant.parse("2027-02-01T07:00:00Z"), Instant.parse("2027-02-01T10:00:00Z"))),
            null, List.of(), null, null, null, OrganiserContact.of("Olli Organisaattori", "olli@example.org", "+358 40 123 4567")),
            List.of("helsinki"));

    private final JavaMailSender sender = mock(JavaMailSender.class);
    private final RegistrationMails mails = new RegistrationMails(sender, MessageBundles.source("i18n/messages"), "Tapahtumat <tapahtumat@example.org>",
            "https://ecosystem.example.org", "/events/registrations/");

    @Test
    void aConfirmationToASwedishRegistrantIsInSwedishWithHelsinkiTimeAndTheOrganisersContact() throws Exception {
        Registration registration = Registrations.confirmed("ev-1", "sven@example.org", "Sven", "sv");
        String text = sent(RegistrationChanged.CONFIRMED, registration);

        assertThat(subject).isEqualTo("Din anmälan är bekräftad: Tillväxtverkstad");
        assertThat(text).startsWith("Hej Sven,\n\nVälkommen! Din plats är bekräftad.\n\nTillväxtverkstad\n")
                .contains("Tid: 1.2.2027 kl. 9.00", "Plats: Kansakoulukatu 3",
                        "Mer information ger: Olli Organisaattori, olli@example.org, +358 40 123 4567",
                        "Här kan du se eller avboka din anmälan: https://ecosystem.example.org/events/registrations/"
                                + registration.privateToken())
                .doesNotContain("Aika", "klo", "Ilmoittautumisesi");
    }

    @Test
    void theSameMailIsInFinnishForAFinnishRegistrantAndInEnglishForAnEnglishOne() throws Exception {
        assertThat(sent(RegistrationChanged.WAITLISTED, Registrations.confirmed("ev-1", "aino@example.org", "Aino", "fi")))
                .contains("Hei Aino,", "Aika: 1.2.2027 klo 9.00", "Lisätietoja antaa: Olli Organisaattori");
        assertThat(subject).isEqualTo("Olet jonossa: Kasvupaja");
        assertThat(sent(RegistrationChanged.CANCELLED, Registrations.confirmed("ev-1", "emma@example.org", "Emma", "en")))
                .contains("Hello Emma,", "Time: 1 February 2027 at 9:00", "For more information, contact: Olli");
        assertThat(subject).isEqualTo("Your registration is cancelled: Growth workshop");
    }

    private String subject;

    private String sent(String change, Registration registration) throws Exception {
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()));
        when(sender.createMimeMessage()).thenReturn(message);
        mails.send(change, registration, EVENT);
        ArgumentCaptor<MimeMessage> captured = ArgumentCaptor.forClass(MimeMessage.class);
        verify(sender, org.mockito.Mockito.atLeastOnce()).send(captured.capture());
        MimeMessage mail = captured.getValue();
        mail.saveChanges();
        subject = mail.getSubject();
        Object content = mail.getContent();
        while (content instanceof Multipart parts) {
            content = parts.getBodyPart(0).getContent();
        }
        return String.valueOf(content);
    }
}
