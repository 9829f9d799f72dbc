package fi.ecosystem.events.feedback.web;

import fi.ecosystem.events.feedback.Feedback;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The attendee's survey through the link of their invitation; no login, the token is the only key. */
@RestController
@Validated
@Tag(name = "Public feedback", description = "The survey after an event, through the attendee's one-use link; no login")
class PublicFeedbackController {

    /** A 0–10 score and, if they like, a few words (at most 2,000 characters). */
    record AnswerRequest(@NotNull @Min(0) @Max(10) Integer score, @Size(max = 2000) String text) {
    }

    private final Feedback feedback;

    PublicFeedbackController(Feedback feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/public/feedback/{token}")
    @Operation(summary = "The survey of the link: the event's title, the language, and whether it was answered already")
    Feedback.Survey survey(@PathVariable @Size(max = 100) String token) {
        return feedback.survey(token);
    }

    @PostMapping("/public/feedback/{token}")
    @Operation(summary = "Answer the survey, once", description = "409 (code feedback-answered) when the link was used already")
    ResponseEntity<Void> answer(@PathVariable @Size(max = 100) String token, @Valid @RequestBody AnswerRequest request) {
        feedback.answer(token, request.score(), request.text());
        return ResponseEntity.noContent().build();
    }
}
