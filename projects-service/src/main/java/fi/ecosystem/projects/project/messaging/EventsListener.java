package fi.ecosystem.projects.project.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.projects.project.ProjectService;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Subscriptions of projects-service to the {@code events} topic: the "events held" indicator. */
@Component
class EventsListener {

    /** An event counts as held once it is published (open to the public) or completed. */
    static final Set<String> HELD = Set.of("PUBLISHED", "COMPLETED");

    private final Inbox inbox;
    private final ProjectService projects;

    EventsListener(Inbox inbox, ProjectService projects) {
        this.inbox = inbox;
        this.projects = projects;
    }

    @KafkaListener(topics = Topics.EVENTS)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.is(EventChanged.TYPE)) {
            inbox.once("events-held", event, changed -> {
                EventChanged payload = changed.payload(EventChanged.class);
                if (payload.projectId() != null && HELD.contains(payload.status())) {
                    projects.countEventHeld(payload.projectId(), payload.eventId());
                }
            });
        }
    }
}
