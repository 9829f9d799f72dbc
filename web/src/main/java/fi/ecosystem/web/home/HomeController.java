package fi.ecosystem.web.home;

import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page and the staff home: your city's projects with their indicators' progress, the
 * upcoming events, and the registrations that need attention (waiting lists, drafts about to start).
 */
@Controller
class HomeController {

    private static final int INDICATOR_PROJECTS = 4;
    private static final int ATTENTION_EVENTS = 6;

    private final ServiceClient projects;
    private final ServiceClient events;

    HomeController(@Qualifier("projectsService") ServiceClient projects, @Qualifier("eventsService") ServiceClient events) {
        this.projects = projects;
        this.events = events;
    }

    @GetMapping("/")
    String landing() {
        return "index";
    }

    @GetMapping("/app")
    String home(CityUser user, Model model) {
        model.addAttribute("user", user);
        try {
            List<Map<String, Object>> mine = projects.items("/api/projects?size=50&status=ACTIVE&status=PLANNED&status=CONTINUED&status=ENDED&sort=-startDate");
            model.addAttribute("projects", mine);
            List<Map<String, Object>> withIndicators = new ArrayList<>();
            for (Map<String, Object> project : mine) {
                if ((withIndicators.size() < INDICATOR_PROJECTS && "ACTIVE".equals(project.get("status"))) || withIndicators.size() < 2) {
                    withIndicators.add(projects.get("/api/projects/{id}", project.get("id")));
                }
            }
            model.addAttribute("indicatorProjects", withIndicators);
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("projects", List.of());
            model.addAttribute("indicatorProjects", List.of());
            model.addAttribute("projectsUnavailable", true);
        }
        try {
            Instant now = Instant.now();
            List<Map<String, Object>> upcoming = events.items("/api/events?size=200").stream()
                    .filter(event -> event.get("startsAt") != null && Instant.parse((String) event.get("startsAt")).isAfter(now))
                    .filter(event -> !"CANCELLED".equals(event.get("status")))
                    .toList();
            model.addAttribute("upcoming", upcoming.stream().limit(8).toList());
            model.addAttribute("attention", attention(upcoming));
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("upcoming", List.of());
            model.addAttribute("attention", List.of());
            model.addAttribute("eventsUnavailable", true);
        }
        return "app/home";
    }

    /** Upcoming events whose waiting list has people, or that are still drafts. */
    private List<Map<String, Object>> attention(List<Map<String, Object>> upcoming) {
        List<Map<String, Object>> attention = new ArrayList<>();
        for (Map<String, Object> event : upcoming.stream().limit(ATTENTION_EVENTS).toList()) {
            long waiting = "PUBLISHED".equals(event.get("status"))
                    ? events.items("/api/events/{id}/registrations?size=500", event.get("id")).stream()
                            .filter(registration -> "WAITLISTED".equals(registration.get("status"))).count()
                    : 0;
            if (waiting > 0 || "DRAFT".equals(event.get("status"))) {
                Map<String, Object> item = new LinkedHashMap<>(event);
                item.put("waiting", waiting);
                attention.add(item);
            }
        }
        return attention;
    }
}
