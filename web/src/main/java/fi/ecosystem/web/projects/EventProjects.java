package fi.ecosystem.web.projects;

import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the event pages show of projects-service: the projects an event may be created in, and the event's
 * project. Here, beside the other project pages, so that the event pages read only typed answers.
 */
@Component
public class EventProjects {

    private final ServiceClient projects;
    private final Formats fmt;
    private final MessageSource messages;

    EventProjects(@Qualifier("projectsService") ServiceClient projects, Formats fmt, MessageSource messages) {
        this.projects = projects;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** The projects an organiser may create events in: their city's projects, by name, with their status. */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        try {
            for (Map<String, Object> project : projects.items("/api/projects?size=200&sort=name")) {
                String status = messages.getMessage("projectStatus." + project.get("status"), null, "",
                        LocaleContextHolder.getLocale());
                options.put(String.valueOf(project.get("id")), fmt.text(project.get("name"))
                        + (status.isEmpty() ? "" : " (" + status.toLowerCase(java.util.Locale.ROOT) + ")"));
            }
        } catch (ServiceUnavailable unavailable) {
            // the select is empty and the page says the projects service is not answering
        }
        return options;
    }

    /** The event's project, or null when this user may not see it or the service is not answering. */
    public Map<String, Object> projectOrNull(String projectId) {
        try {
            return projectId == null ? null : projects.get("/api/projects/{id}", projectId);
        } catch (ServiceProblem | ServiceUnavailable notShown) {
            return null;
        }
    }
}
