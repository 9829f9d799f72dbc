package fi.ecosystem.platform.testing;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.projectaccess.ProjectAccess;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Tells a service under test about a project the way projects-service does: a project.changed on its topic. */
public final class ProjectsTopic {

    private ProjectsTopic() {
    }

    /** Publishes the project and waits until the service's read model has it. */
    public static void announce(String bootstrapServers, MongoTemplate mongo, String projectId, String name, List<String> cities) {
        String quotedCities = cities.stream().map(city -> "\"" + city + "\"").collect(Collectors.joining(", "));
        TopicProbe.send(bootstrapServers, Topics.PROJECTS, projectId, """
                {"id": "%s", "type": "project.changed", "version": 1, "time": "2026-01-01T00:00:00Z",
                 "data": {"projectId": "%s", "name": {"fi": "%s"}, "status": "ACTIVE", "participatingCities": [%s]}}
                """.formatted(UUID.randomUUID(), projectId, name, quotedCities));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(projectId, ProjectAccess.class) != null);
    }
}
