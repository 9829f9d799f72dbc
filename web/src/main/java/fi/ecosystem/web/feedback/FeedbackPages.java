package fi.ecosystem.web.feedback;

import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey after an event, from the link in the attendee's mail (no login): a 0–10 score and a few words, once.
 * A used or unknown link gets a page that says so; the organiser's cities read the answers on the staff pages.
 */
@Controller
class FeedbackPages {

    private final ServiceClient events;

    FeedbackPages(@Qualifier("eventsService") ServiceClient events) {
        this.events = events;
    }

    @GetMapping("/events/feedback/{token}")
    String survey(@PathVariable String token, Model model, HttpServletResponse response) {
        Map<String, Object> survey;
        try {
            survey = events.get("/public/feedback/{token}", token);
        } catch (ServiceProblem problem) {
            return unknown(problem, response);
        }
        model.addAttribute("survey", survey);
        model.addAttribute("token", token);
        return Boolean.TRUE.equals(survey.get("answered")) ? "feedback/answered" : "feedback/survey";
    }

    @PostMapping("/events/feedback/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String score,
            @RequestParam(required = false) String text, Model model, HttpServletResponse response) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("score", score == null || !score.matches("\\d{1,2}") ? null : Integer.valueOf(score));
        answer.put("text", text);
        try {
            events.post(answer, "/public/feedback/{token}", token);
            return "feedback/thanks";
        } catch (ServiceProblem problem) {
            if ("feedback-answered".equals(problem.code())) {
                response.setStatus(409);
                return "feedback/answered";
            }
            if (problem.status() != 400) {
                return unknown(problem, response);
            }
            model.addAttribute("survey", events.get("/public/feedback/{token}", token));
            model.addAttribute("token", token);
            model.addAttribute("score", score);
            model.addAttribute("text", text);
            model.addAttribute("errors", problem.fieldMessageKeys());
            response.setStatus(400);
            return "feedback/survey";
        }
    }

    private static String unknown(ServiceProblem problem, HttpServletResponse response) {
        if (!problem.notFound() && problem.status() != 400) {
            throw problem;
        }
        response.setStatus(404);
        return "feedback/unknown";
    }

    @GetMapping("/app/events/{eventId}/feedback")
    String ofEvent(@PathVariable String eventId, Model model) {
        model.addAttribute("feedback", events.get("/api/events/{eventId}/feedback", eventId));
        return "feedback/event";
    }

    @GetMapping("/app/projects/{projectId}/feedback")
    String ofProject(@PathVariable String projectId, Model model) {
        model.addAttribute("feedback", events.get("/api/events/feedback/projects/{projectId}", projectId));
        return "feedback/project";
    }
}
