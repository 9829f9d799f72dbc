package fi.ecosystem.contacts.contact.messaging;

import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.PoisonMessageException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Subscriptions of contacts-service to the {@code registrations} topic: people and participation history. */
@Component
class RegistrationsListener {

    private final Inbox inbox;
    private final ContactService contacts;

    RegistrationsListener(Inbox inbox, ContactService contacts) {
        this.inbox = inbox;
        this.contacts = contacts;
    }

    @KafkaListener(topics = Topics.REGISTRATIONS)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.type().startsWith("registration.") && !event.personalDataErased()) {
            // an erased person's registration no longer opens: it must not bring them back
            RegistrationChanged registration = event.payload(RegistrationChanged.class);
            if (registration.participant() == null || registration.participant().email() == null) {
                // no retry can help: parked on the dead-letter topic at once
                throw new PoisonMessageException("Registration " + registration.registrationId() + " names no participant", null);
            }
            inbox.once("participation-history", event, changed -> contacts.registrationChanged(registration,
                    changed.envelope().time() == null ? Instant.now() : changed.envelope().time()));
        }
    }
}
