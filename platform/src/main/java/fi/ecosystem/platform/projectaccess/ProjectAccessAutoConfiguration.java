package fi.ecosystem.platform.projectaccess;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.MessagingAutoConfiguration;
import fi.ecosystem.platform.messaging.Subscription;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The project read model, for services that apply the access rule to things belonging to projects
 * ({@code ecosystem.project-access.enabled}): kept from the {@code projects} topic by a subscription.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnProperty(name = "ecosystem.project-access.enabled", havingValue = "true")
@ConditionalOnBean(Inbox.class)
public class ProjectAccessAutoConfiguration {


    @Bean
    ProjectAccessDirectory projectAccessDirectory(MongoTemplate mongo) {
        return new ProjectAccessDirectory(mongo);
    }

    /** Keeps the project read model from the {@code projects} topic. */
    @Bean
    Subscription projectAccessSubscription(Inbox inbox, ProjectAccessDirectory directory) {
        return inbox.subscribe(Topics.PROJECTS).group("project-access").types(ProjectChanged.TYPE)
                .once("project-access", changed -> directory.apply(changed.payload(ProjectChanged.class),
                        changed.occurredAt()));
    }
}
