package fi.ecosystem.web.publicevents;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The public list of published events: no login. */
@Controller
class PublicEventsController {

    private final RestClient events;

    PublicEventsController(@Qualifier("eventsClient") RestClient events) {
        this.events = events;
    }

    @GetMapping("/events")
    String list(Model model) {
        try {
            Map<String, Object> page = events.get().uri("/public/events?size=50").retrieve()
                    .body(new ParameterizedTypeReference<>() {
                    });
            model.addAttribute("events", page == null ? List.of() : page.get("items"));
        } catch (RestClientException unavailable) {
            model.addAttribute("events", List.of());
            model.addAttribute("eventsUnavailable", true);
        }
        return "events/list";
    }
}
