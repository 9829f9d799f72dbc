package fi.ecosystem.platform.projectaccess;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a service other than projects-service knows of a project: enough to apply the access rule
 * (which cities take part) and to show its name. Replaced whole by each {@code project.changed} event.
 *
 * @param eventTime time of the event the state comes from; an older event never overwrites a newer state
 */
@Document("project_access")
public record ProjectAccess(
        @Id String projectId,
        LocalizedText name,
        String status,
        @Indexed Set<String> cities,
        Instant eventTime) {
}
