package fi.ecosystem.platform.projectaccess;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the project read model from the {@code projects} topic. */
public class ProjectsTopicListener {

    private final Inbox inbox;
    private final ProjectAccessDirectory directory;

    public ProjectsTopicListener(Inbox inbox, ProjectAccessDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.PROJECTS, groupId = "${spring.application.name}.project-access")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inbox.receive(record);
        if (event.is(ProjectChanged.TYPE)) {
            inbox.once("project-access", event, changed -> directory.apply(changed.payload(ProjectChanged.class),
                    changed.envelope().time() == null ? Instant.now() : changed.envelope().time()));
        }
    }
}
