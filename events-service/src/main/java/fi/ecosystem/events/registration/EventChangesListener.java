package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What an event's change means for its registrations, from the service's own {@code events} topic, so it
 * happens once the change is stored and even if the service stopped right after: a cancelled event cancels
 * its registrations (the people are told), a completed one marks the unchecked as no-shows, and a raised
 * capacity promotes people from the waiting list. Each step is guarded, so a redelivery changes nothing more.
 */
@Component
class EventChangesListener {

    private final Inbox inbox;
    private final RegistrationService registrations;

    EventChangesListener(Inbox inbox, RegistrationService registrations) {
        this.inbox = inbox;
        this.registrations = registrations;
    }

    @KafkaListener(topics = Topics.EVENTS, groupId = "${spring.application.name}.registrations")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.is(EventChanged.TYPE)) {
            registrations.eventChanged(event.payload(EventChanged.class).eventId());
        }
    }
}
