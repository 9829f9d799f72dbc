package fi.ecosystem.web.events;

import fi.ecosystem.events.api.EventResponse.QuestionResponse;
import fi.ecosystem.events.api.QuestionKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

/**
 * An event's questions for registrants (TEXT, CHOICE, CONSENT with a policy), as the events service
 * describes them: the form checks the required ones before sending, and sends only answers to them.
 */
public final class Questions {

    private final List<QuestionResponse> questions;

    private Questions(List<QuestionResponse> questions) {
        this.questions = questions;
    }

    public static Questions of(List<QuestionResponse> questions) {
        return new Questions(questions == null ? List.of() : questions);
    }

    public List<QuestionResponse> all() {
        return questions;
    }

    public boolean isEmpty() {
        return questions.isEmpty();
    }

    /** A required question unanswered (a consent not given) is an error next to that question. */
    public void check(Map<String, String> answers, Errors errors) {
        for (QuestionResponse question : questions) {
            String answer = answers == null ? null : answers.get(question.id());
            boolean consent = question.kind() == QuestionKind.CONSENT;
            boolean missing = answer == null || answer.isBlank() || consent && !"true".equals(answer);
            if (question.required() && missing) {
                errors.rejectValue("answers[" + question.id() + "]", consent ? "question.consentMissing" : "question.missing");
            } else if (answer != null && answer.length() > 2000) {
                errors.rejectValue("answers[" + question.id() + "]", "Size");
            }
        }
    }

    /** The answers to this event's questions, as the events service takes them: text, an option's id, "true"/"false". */
    public Map<String, String> answers(Map<String, String> given) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (QuestionResponse question : questions) {
            String answer = given == null ? null : given.get(question.id());
            if (question.kind() == QuestionKind.CONSENT) {
                answers.put(question.id(), String.valueOf("true".equals(answer)));
            } else if (answer != null && !answer.isBlank()) {
                answers.put(question.id(), answer.trim());
            }
        }
        return answers;
    }
}
