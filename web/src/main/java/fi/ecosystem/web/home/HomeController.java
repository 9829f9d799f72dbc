package fi.ecosystem.web.home;

import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.web.support.ConcurrentCalls;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
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
    static final String PROJECTS_QUERY = "/api/projects?size=" + PROJECTS
            + "&status=ACTIVE&status=PLANNED&status=CONTINUED&status=ENDED&sort=-startDate&include=indicators";
    static final String UPCOMING_QUERY = "/api/events?size=" + UPCOMING
            + "&from={from}&status=DRAFT&status=PUBLISHED&status=COMPLETED";

    private final ServiceClient projects;
    private final ServiceClient events;
    private final ConcurrentCalls calls;

    HomeController(@Qualifier("projectsService") ServiceClient projects, @Qualifier("eventsService") ServiceClient events,
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
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ConcurrentCalls.Call<List<Map<String, Object>>> mine = calls.start(() -> projects.items(PROJECTS_QUERY));
        ConcurrentCalls.Call<List<Map<String, Object>>> upcoming = calls.start(() -> events.items(UPCOMING_QUERY, now));
        try {
            List<Map<String, Object>> found = mine.get();
            model.addAttribute("projects", found);
            model.addAttribute("indicatorProjects", withIndicators(found));
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("projects", List.of());
            model.addAttribute("indicatorProjects", List.of());
            model.addAttribute("projectsUnavailable", true);
        }
        try {
            List<Map<String, Object>> coming = upcoming.get();
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
    private static List<Map<String, Object>> withIndicators(List<Map<String, Object>> projects) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> project : projects) {
            if ((shown.size() < INDICATOR_PROJECTS && "ACTIVE".equals(project.get("status"))) || shown.size() < 2) {
                shown.add(project);
            }
        }
        return shown;
    }

    /** People wait on its waiting list, or it is still a draft. */
    private static boolean needsAttention(Map<String, Object> event) {
        return waiting(event) > 0 || "DRAFT".equals(event.get("status"));
    }

    static long waiting(Map<String, Object> event) {
        return event.get("waitlistedCount") instanceof Number number ? number.longValue() : 0;
    }
}
