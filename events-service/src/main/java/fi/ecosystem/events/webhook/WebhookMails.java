package fi.ecosystem.events.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Tells an integrator's contact that an endpoint was turned off, and how to turn it on and get what it missed. */
@Component
public class WebhookMails {

    private final JavaMailSender mail;
    private final String from;

    WebhookMails(JavaMailSender mail, @Value("${ecosystem.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public void endpointDisabled(WebhookEndpoint endpoint, String lastError) {
        if (endpoint.contactEmail() == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(endpoint.contactEmail());
        message.setSubject("Webhook endpoint disabled: " + endpoint.url());
        message.setText("""
                Hello,

                the webhook endpoint %s (%s) of the client %s did not accept a delivery for a day, so it has been disabled.
                The last error was: %s

                Nothing is queued for it while it is disabled. When it works again, turn it on with
                PUT /api/webhooks/%s ("enabled": true) and replay what failed with
                POST /api/webhooks/%s/replay {"status": "FAILED"}.

                The deliveries and their errors: GET /api/webhooks/%s/deliveries
                """.formatted(endpoint.url(), endpoint.id(), endpoint.clientName(), lastError, endpoint.id(), endpoint.id(),
                endpoint.id()));
        mail.send(message);
    }
}
