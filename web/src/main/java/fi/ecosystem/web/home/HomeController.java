package fi.ecosystem.web.home;

import fi.ecosystem.platform.security.CityUser;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The landing page and the staff home: who you are, and your city's projects. */
@Controller
class HomeController {

    private final RestClient projects;

    HomeController(@Qualifier("projectsClient") RestClient projects) {
        this.projects = projects;
    }

    @GetMapping("/")
    String landing() {
        return "index";
    }

    @GetMapping("/app")
    String home(CityUser user, Model model) {
        model.addAttribute("user", user);
        try {
            Map<String, Object> page = projects.get().uri("/api/projects?size=50").retrieve()
                    .body(new ParameterizedTypeReference<>() {
                    });
            model.addAttribute("projects", page == null ? List.of() : page.get("items"));
        } catch (RestClientException unavailable) {
            model.addAttribute("projects", List.of());
            model.addAttribute("projectsUnavailable", true);
        }
        return "app/home";
    }
}
