package fi.ecosystem.web.projects;

import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectSummary;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the event pages show of projects-service: the projects an event may be created in, and the event's
 * project. Here, beside the other project pages, so that the event pages need not know the projects client.
 */
@Component
public class EventProjects {

    private final ProjectsApi projects;
    private final Formats fmt;
    private final MessageSource messages;

    EventProjects(ProjectsApi projects, Formats fmt, MessageSource messages) {
        this.projects = projects;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** The projects an organiser may create events in: their city's projects, by name, with their status. */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        try {
            for (ProjectSummary project : projects.list(200, 0, null, null, null, null, "name", null).items()) {
                String status = project.status() == null ? "" : messages.getMessage("projectStatus." + project.status(), null, "",
                        LocaleContextHolder.getLocale());
                options.put(project.id(), fmt.text(project.name())
                        + (status.isEmpty() ? "" : " (" + status.toLowerCase(java.util.Locale.ROOT) + ")"));
            }
        } catch (ServiceUnavailable unavailable) {
            // the select is empty and the page says the projects service is not answering
        }
        return options;
    }

    /** The event's project, or null when this user may not see it or the service is not answering. */
    public ProjectResponse projectOrNull(String projectId) {
        try {
            return projectId == null ? null : projects.get(projectId);
        } catch (ServiceProblem | ServiceUnavailable notShown) {
            return null;
        }
    }
}
