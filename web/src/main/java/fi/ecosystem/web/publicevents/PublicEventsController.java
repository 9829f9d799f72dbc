package fi.ecosystem.web.publicevents;

import fi.ecosystem.web.events.PersonForm;
import fi.ecosystem.web.events.Questions;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import fi.ecosystem.web.support.Texts;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public event pages, no login: published events, an event with its registration form, and the
 * participant's private page (the link in their e-mails) to see, cancel or leave the waiting list.
 */
@Controller
class PublicEventsController {

    private final ServiceClient events;

    PublicEventsController(@Qualifier("eventsService") ServiceClient events) {
        this.events = events;
    }

    @GetMapping("/events")
    String list(Model model) {
        try {
            model.addAttribute("events", events.items("/public/events?size=100"));
        } catch (ServiceUnavailable unavailable) {
            model.addAttribute("events", List.of());
            model.addAttribute("eventsUnavailable", true);
        }
        return "events/list";
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable String id, Model model) {
        model.addAttribute("form", new SelfRegistrationForm());
        return eventPage(id, model);
    }

    @PostMapping("/events/{id}/register")
    String register(@PathVariable String id, @Valid @ModelAttribute("form") SelfRegistrationForm form, BindingResult result,
            Model model, HttpServletResponse response) {
        Map<String, Object> event = publishedEvent(id);
        Questions.of(event).check(form.getAnswers(), result);
        if (result.hasErrors()) {
            return eventPage(event, model);
        }
        Map<String, Object> body = new LinkedHashMap<>(form.toRequest(Questions.of(event), Formats.language()));
        body.put("website", Texts.trimmed(form.getWebsite()));
        try {
            // the same answer for a new address and a known one: the registration's own page is reached from the mail
            events.post(body, "/public/events/{id}/registrations", id);
            return "redirect:/events/{id}/received";
        } catch (ServiceProblem problem) {
            if (problem.status() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                response.setStatus(problem.status()); // the event's cap per address: a script sees it, a person reads it
            }
            Forms.reject(result, problem, PersonForm::formField);
            return eventPage(event, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return eventPage(event, model);
        }
    }

    /** After the form: "check your e-mail", whatever the address was; reloading it sends nothing again. */
    @GetMapping("/events/{id}/received")
    String received(@PathVariable String id, Model model) {
        model.addAttribute("event", publishedEvent(id));
        return "events/received";
    }

    @GetMapping("/events/registrations/{token}")
    String privatePage(@PathVariable String token, Model model) {
        Map<String, Object> registration = events.get("/public/registrations/{token}", token);
        model.addAttribute("registration", registration);
        model.addAttribute("token", token);
        return "events/registration";
    }

    /** The public check of a certificate's code: what the certificate says, or that no certificate has this code. */
    @GetMapping("/events/certificates/{code}")
    String certificate(@PathVariable String code, Model model) {
        try {
            model.addAttribute("certificate", events.get("/public/certificates/{code}", code));
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            model.addAttribute("certificate", null);
        }
        model.addAttribute("code", code);
        return "events/certificate";
    }

    @GetMapping("/events/registrations/{token}/cancel")
    String confirmCancel(@PathVariable String token, Model model) {
        model.addAttribute("registration", events.get("/public/registrations/{token}", token));
        model.addAttribute("token", token);
        return "events/cancel";
    }

    @PostMapping("/events/registrations/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        events.delete("/public/registrations/{token}", token);
        redirect.addFlashAttribute("flash", "registration.cancelled");
        return "redirect:/events/registrations/" + token;
    }

    private String eventPage(String id, Model model) {
        return eventPage(publishedEvent(id), model);
    }

    private String eventPage(Map<String, Object> event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("questions", Questions.of(event).all());
        return "events/event";
    }

    /** One published event: its own address when the service offers it, else found in the published list. */
    private Map<String, Object> publishedEvent(String id) {
        try {
            return events.get("/public/events/{id}", id);
        } catch (ServiceProblem problem) {
            if (!problem.notOffered()) {
                throw problem;
            }
        }
        for (int page = 0; page < 20; page++) {
            Map<String, Object> answer = events.get("/public/events?size=100&page={page}", page);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            for (Map<String, Object> event : items) {
                if (id.equals(event.get("id"))) {
                    return event;
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        throw new ServiceProblem(404, "not-found", "No such published event", Map.of());
    }
}
