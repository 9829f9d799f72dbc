package fi.ecosystem.web.home;

import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.web.support.ConcurrentCalls;
import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.api.EventStatus;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.projects.api.ProjectStatus;
import fi.ecosystem.projects.api.ProjectSummary;
import fi.ecosystem.projects.api.ProjectsApi;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page and the staff home: your city's projects with their indicators' progress, the
 * upcoming events, and the events that need attention (people on a waiting list, drafts about to start).
 * One call to each service, both at once: the projects with their indicators' progress, and the upcoming
 * events with the size of their waiting lists.
 */
@Controller
class HomeController {

    static final int PROJECTS = 50;
    static final int INDICATOR_PROJECTS = 4;
    static final int UPCOMING = 8;
    /** The projects the home lists: every state, the newest first. */
    static final List<ProjectStatus> PROJECT_STATES = List.of(ProjectStatus.ACTIVE, ProjectStatus.PLANNED,
            ProjectStatus.CONTINUED, ProjectStatus.ENDED);
    /** The events the home lists: coming ones that are not cancelled. */
    static final Set<EventStatus> UPCOMING_STATES = Collections.unmodifiableSet(
            EnumSet.of(EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.COMPLETED));

    private final ProjectsApi projects;
    private final EventsApi events;
    private final ConcurrentCalls calls;

    HomeController(ProjectsApi projects, EventsApi events,
            ConcurrentCalls calls) {
        this.projects = projects;
        this.events = events;
        this.calls = calls;
    }

    @GetMapping("/")
    String landing() {
        return "index";
    }

    @GetMapping("/app")
    String home(CityUser user, Model model) {
        model.addAttribute("user", user);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ConcurrentCalls.Call<List<ProjectSummary>> mine = calls.start(() -> projects.list(PROJECTS, 0, null, PROJECT_STATES,
                null, null, "-startDate", ProjectsApi.INDICATORS).items());
        ConcurrentCalls.Call<List<EventResponse>> upcoming = calls.start(
                () -> events.list(now, UPCOMING_STATES, null, null, UPCOMING).items());
        try {
            List<ProjectSummary> found = mine.get();
            model.addAttribute("projects", found);
            model.addAttribute("indicatorProjects", withIndicators(found));
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("projects", List.of());
            model.addAttribute("indicatorProjects", List.of());
            model.addAttribute("projectsUnavailable", true);
        }
        try {
            List<EventResponse> coming = upcoming.get();
            model.addAttribute("upcoming", coming);
            model.addAttribute("attention", coming.stream().filter(HomeController::needsAttention).toList());
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("upcoming", List.of());
            model.addAttribute("attention", List.of());
            model.addAttribute("eventsUnavailable", true);
        }
        return "app/home";
    }

    /** The active projects first (up to four), at least two, of those that have indicators to show. */
    private static List<ProjectSummary> withIndicators(List<ProjectSummary> projects) {
        List<ProjectSummary> shown = new ArrayList<>();
        for (ProjectSummary project : projects) {
            if ((shown.size() < INDICATOR_PROJECTS && project.status() == ProjectStatus.ACTIVE) || shown.size() < 2) {
                shown.add(project);
            }
        }
        return shown;
    }

    /** People wait on its waiting list, or it is still a draft. */
    private static boolean needsAttention(EventResponse event) {
        return event.waitlistedCount() > 0 || event.status() == EventStatus.DRAFT;
    }
}
