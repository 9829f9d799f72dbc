package fi.ecosystem.projects.project.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.projects.project.ProjectService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Subscriptions of projects-service to the {@code registrations} topic: participants reached. */
@Component
class RegistrationsListener {

    private final Inbox inbox;
    private final ProjectService projects;

    RegistrationsListener(Inbox inbox, ProjectService projects) {
        this.inbox = inbox;
        this.projects = projects;
    }

    @KafkaListener(topics = Topics.REGISTRATIONS)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.is(RegistrationChanged.CONFIRMED) || event.is(RegistrationChanged.PROMOTED)) {
            inbox.once("participants-reached", event, confirmed -> {
                RegistrationChanged registration = confirmed.payload(RegistrationChanged.class);
                if (registration.projectId() != null) {
                    projects.countParticipant(registration.projectId(), registration.registrationId());
                }
            });
        }
    }
}
