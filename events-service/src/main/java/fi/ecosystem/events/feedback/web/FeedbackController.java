package fi.ecosystem.events.feedback.web;

import fi.ecosystem.events.feedback.Feedback;
import fi.ecosystem.platform.security.CityUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feedback", description = "Attendees' answers to the survey after an event: per event and across a project")
@SecurityRequirement(name = "keycloak")
class FeedbackController {

    private final Feedback feedback;

    FeedbackController(Feedback feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/api/events/{eventId}/feedback")
    @Operation(summary = "The event's survey answers (score, text, when), the average score and the answer rate (answers / invited)")
    Feedback.OfEvent ofEvent(@Parameter(hidden = true) CityUser user, @PathVariable String eventId) {
        return feedback.ofEvent(user, eventId);
    }

    @GetMapping("/api/events/feedback/projects/{projectId}")
    @Operation(summary = "A project's survey figures across its events: in total and per event (average, answers, invited)")
    Feedback.OfProject ofProject(@Parameter(hidden = true) CityUser user, @PathVariable String projectId) {
        return feedback.ofProject(user, projectId);
    }
}
