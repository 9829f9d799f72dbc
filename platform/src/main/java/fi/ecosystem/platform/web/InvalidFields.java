package fi.ecosystem.platform.web;

import java.util.List;
import java.util.Map;

/**
 * Input that passed the request's own validation but breaks a rule that depends on stored data, e.g. an
 * answer to a question the event asks. Answers 400 with the same {@code errors[]} (field, message) as bean
 * validation, so forms can show each message next to its field.
 */
public class InvalidFields extends RuntimeException {

    /**
     * One invalid field: its path in the request (e.g. {@code answers.diet}), what is wrong as a code the UI
     * translates ({@code field.<code>} in its texts, or a Bean Validation constraint name such as {@code NotBlank}),
     * and the same in English for integrators.
     */
    public record FieldError(String field, String code, String message) {
    }

    private final List<FieldError> errors;

    public InvalidFields(List<FieldError> errors) {
        super("The request has invalid fields");
        this.errors = List.copyOf(errors);
    }

    public static InvalidFields of(String field, String code, String message) {
        return new InvalidFields(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    List<Map<String, Object>> asProperties() {
        return errors.stream().<Map<String, Object>>map(error -> Map.of("field", error.field(), "code", error.code(),
                "message", error.message())).toList();
    }
}
