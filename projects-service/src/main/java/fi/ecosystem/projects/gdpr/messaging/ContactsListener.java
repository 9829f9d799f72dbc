package fi.ecosystem.projects.gdpr.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.projects.gdpr.ProjectContactErasure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Subscriptions of projects-service to the {@code contacts} topic: erased people leave the projects. */
@Component
class ContactsListener {

    private final Inbox inbox;
    private final ProjectContactErasure erasure;

    ContactsListener(Inbox inbox, ProjectContactErasure erasure) {
        this.inbox = inbox;
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.CONTACTS, groupId = "${spring.application.name}.erasure")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.is(ContactErased.TYPE)) {
            inbox.once("erasure", event, erased -> erasure.erase(erased.payload(ContactErased.class), erased.id()));
        }
    }
}
