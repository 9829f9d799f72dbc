package fi.ecosystem.events.registration.mail;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails go out from the service's own registrations topic: only after the change is durably stored and
 * published, once per change (inbox), and retried by Kafka if the SMTP server is away.
 */
@Component
class RegistrationMailListener {

    private final Inbox inbox;
    private final RegistrationService registrations;
    private final RegistrationMails mails;

    RegistrationMailListener(Inbox inbox, RegistrationService registrations, RegistrationMails mails) {
        this.inbox = inbox;
        this.registrations = registrations;
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.REGISTRATIONS, groupId = "${spring.application.name}.mail")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (RegistrationMails.hasMail(event.type())) {
            inbox.once("registration-mail", event, changed -> {
                RegistrationChanged payload = changed.payload(RegistrationChanged.class);
                Registration registration = registrations.findForMail(payload.registrationId());
                if (registration != null && registration.email() != null) {
                    mails.send(changed.type(), registration, registrations.eventOf(registration));
                }
            });
        }
    }
}
