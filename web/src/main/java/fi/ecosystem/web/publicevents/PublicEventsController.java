package fi.ecosystem.web.publicevents;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.events.api.PublicEventResponse;
import fi.ecosystem.events.api.PublicEventsApi;
import fi.ecosystem.events.api.RegisterRequest;
import fi.ecosystem.events.api.SelfRegistrationRequest;
import fi.ecosystem.web.events.PersonForm;
import fi.ecosystem.web.events.Questions;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import fi.ecosystem.web.support.Texts;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
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

    private final PublicEventsApi events;

    PublicEventsController(PublicEventsApi events) {
        this.events = events;
    }

    @GetMapping("/events")
    String list(Model model) {
        try {
            model.addAttribute("events", events.published(0, 100).items());
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
        PublicEventResponse event = publishedEvent(id);
        Questions questions = Questions.of(event.questions());
        questions.check(form.getAnswers(), result);
        if (result.hasErrors()) {
            return eventPage(event, model);
        }
        RegisterRequest person = form.toRequest(questions, Formats.language());
        try {
            // the same answer for a new address and a known one: the registration's own page is reached from the mail
            events.register(id, new SelfRegistrationRequest(person.email(), person.firstName(), person.lastName(),
                    person.organisationName(), person.language(), person.answers(), Texts.trimmed(form.getWebsite()),
                    person.businessId()));
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
        model.addAttribute("registration", events.registration(token));
        model.addAttribute("token", token);
        return "events/registration";
    }

    /** The public check of a certificate's code: what the certificate says, or that no certificate has this code. */
    @GetMapping("/events/certificates/{code}")
    String certificate(@PathVariable String code, Model model) {
        try {
            model.addAttribute("certificate", events.certificate(code));
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            model.addAttribute("certificate", null);
        }
        model.addAttribute("code", code);
        return "events/certificate";
    }

    /**
     * The links of an offer's mail: the private page with the one answer asked (a GET answers nothing, as mail
     * scanners follow links); an offer that expired or was answered says so there, in the page's language.
     */
    @GetMapping("/events/registrations/{token}/{answer:accept|decline}")
    String offer(@PathVariable String token, @PathVariable String answer, Model model) {
        model.addAttribute("registration", events.registration(token));
        model.addAttribute("token", token);
        model.addAttribute("answer", answer);
        return "events/registration";
    }

    @PostMapping("/events/registrations/{token}/{answer:accept|decline}")
    String answerOffer(@PathVariable String token, @PathVariable String answer, RedirectAttributes redirect) {
        try {
            if ("accept".equals(answer)) {
                events.acceptOffer(token);
            } else {
                events.declineOffer(token);
            }
            redirect.addFlashAttribute("flash", "accept".equals(answer) ? "registration.offerAccepted" : "registration.offerDeclined");
        } catch (ServiceProblem problem) {
            if (!"offer-not-open".equals(problem.code())) {
                throw problem;
            }
            redirect.addFlashAttribute("flash", "registration.offerGone"); // expired, or answered in another tab
        }
        return "redirect:/events/registrations/" + token;
    }

    @GetMapping("/events/registrations/{token}/cancel")
    String confirmCancel(@PathVariable String token, Model model) {
        model.addAttribute("registration", events.registration(token));
        model.addAttribute("token", token);
        return "events/cancel";
    }

    @PostMapping("/events/registrations/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        events.cancel(token);
        redirect.addFlashAttribute("flash", "registration.cancelled");
        return "redirect:/events/registrations/" + token;
    }

    private String eventPage(String id, Model model) {
        return eventPage(publishedEvent(id), model);
    }

    private String eventPage(PublicEventResponse event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("questions", event.questions());
        return "events/event";
    }

    /** One published event: its own address when the service offers it, else found in the published list. */
    private PublicEventResponse publishedEvent(String id) {
        try {
            return events.published(id);
        } catch (ServiceProblem problem) {
            if (!problem.notOffered()) {
                throw problem;
            }
        }
        for (int page = 0; page < 20; page++) {
            ItemsPage<PublicEventResponse> answer = events.published(page, 100);
            for (PublicEventResponse event : answer.items()) {
                if (id.equals(event.id())) {
                    return event;
                }
            }
            if (answer.items().size() < 100) {
                break;
            }
        }
        throw new ServiceProblem(404, "not-found", "No such published event", Map.of());
    }
}
