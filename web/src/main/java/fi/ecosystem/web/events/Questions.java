package fi.ecosystem.web.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

/**
 * An event's questions for registrants (TEXT, CHOICE, CONSENT with a policy), as the events service
 * describes them: the form checks the required ones before sending, and sends only answers to them.
 */
public final class Questions {

    private final List<Map<String, Object>> questions;

    private Questions(List<Map<String, Object>> questions) {
        this.questions = questions;
    }

    @SuppressWarnings("unchecked")
    public static Questions of(Map<String, Object> event) {
        Object questions = event == null ? null : event.get("questions");
        return new Questions(questions instanceof List<?> list ? (List<Map<String, Object>>) list : List.of());
    }

    public List<Map<String, Object>> all() {
        return questions;
    }

    public boolean isEmpty() {
        return questions.isEmpty();
    }

    /** A required question unanswered (a consent not given) is an error next to that question. */
    public void check(Map<String, String> answers, Errors errors) {
        for (Map<String, Object> question : questions) {
            String id = String.valueOf(question.get("id"));
            String answer = answers == null ? null : answers.get(id);
            boolean missing = answer == null || answer.isBlank()
                    || "CONSENT".equals(question.get("kind")) && !"true".equals(answer);
            if (Boolean.TRUE.equals(question.get("required")) && missing) {
                errors.rejectValue("answers[" + id + "]",
                        "CONSENT".equals(question.get("kind")) ? "question.consentMissing" : "question.missing");
            } else if (answer != null && answer.length() > 2000) {
                errors.rejectValue("answers[" + id + "]", "Size");
            }
        }
    }

    /** The answers to this event's questions, as the events service takes them: text, an option's id, "true"/"false". */
    public Map<String, String> answers(Map<String, String> given) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map<String, Object> question : questions) {
            String id = String.valueOf(question.get("id"));
            String answer = given == null ? null : given.get(id);
            if ("CONSENT".equals(question.get("kind"))) {
                answers.put(id, String.valueOf("true".equals(answer)));
            } else if (answer != null && !answer.isBlank()) {
                answers.put(id, answer.trim());
            }
        }
        return answers;
    }
}
