package fi.ecosystem.events.feedback;

import fi.ecosystem.events.event.Event;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The survey invitation, in the attendee's language (texts {@code feedback.mail.*} of the bundle), with their one-use link. */
@Component
class FeedbackMails {

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String from;
    private final String surveyLink;

    FeedbackMails(JavaMailSender mail, MessageSource messages, @Value("${ecosystem.mail.from}") String from,
            @Value("${ecosystem.public-url}") String publicUrl,
            @Value("${ecosystem.events.feedback.path:/events/feedback/}") String path) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
        this.surveyLink = publicUrl + path;
    }

    void send(String to, String firstName, String language, Event event, String token) {
        Locale locale = Locale.forLanguageTag(language);
        String title = event.title().in(language);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage("feedback.mail.subject", new Object[] {title}, locale));
        message.setText(messages.getMessage("mail.greeting", new Object[] {firstName == null ? "" : firstName}, locale)
                + "\n\n" + messages.getMessage("feedback.mail.text", new Object[] {title}, locale) + "\n\n"
                + surveyLink + token + "?lang=" + language + "\n");
        mail.send(message);
    }
}
