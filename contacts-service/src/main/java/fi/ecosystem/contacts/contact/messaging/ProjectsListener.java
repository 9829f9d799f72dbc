package fi.ecosystem.contacts.contact.messaging;

import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Subscriptions of contacts-service to the {@code projects} topic: the project's contact persons and their
 * roles. (The project read model for the access rule has its own subscription in the platform.)
 */
@Component
class ProjectsListener {

    private final Inbox inbox;
    private final ContactService contacts;

    ProjectsListener(Inbox inbox, ContactService contacts) {
        this.inbox = inbox;
        this.contacts = contacts;
    }

    @KafkaListener(topics = Topics.PROJECTS, groupId = "${spring.application.name}.project-roles")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.is(ProjectChanged.TYPE)) {
            ProjectChanged project = event.payload(ProjectChanged.class);
            if (project.contacts() != null) {
                inbox.once("project-roles", event, changed -> contacts.projectContactsChanged(project,
                        changed.envelope().time() == null ? Instant.now() : changed.envelope().time()));
            }
        }
    }
}
