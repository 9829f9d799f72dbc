package fi.ecosystem.events.certificate;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.registration.Registration;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Mails a participant their certificate of attendance as a PDF attachment, in their language. */
@Component
class CertificateMail {

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String from;

    CertificateMail(JavaMailSender mail, MessageSource messages, @Value("${ecosystem.mail.from}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
    }

    void send(Event event, Registration registration, CertificateService.Rendered certificate) {
        String language = CertificatePdf.languageOf(registration);
        Locale locale = Locale.forLanguageTag(language);
        String title = event.title().in(language);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(registration.email());
            helper.setSubject(messages.getMessage("mail.certificate.subject", new Object[] {title}, locale));
            helper.setText(messages.getMessage("mail.greeting", new Object[] {registration.firstName()}, locale) + "\n\n"
                    + messages.getMessage("mail.certificate.text", null, locale) + "\n\n" + title + "\n");
            helper.addAttachment(certificate.fileName(), new ByteArrayResource(certificate.pdf()), "application/pdf");
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the certificate mail of registration " + registration.id(), e);
        }
    }
}
