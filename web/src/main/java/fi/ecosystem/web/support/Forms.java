package fi.ecosystem.web.support;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;

/** Puts what a service said about a form onto the form: each message next to its field, the rest on top. */
public final class Forms {

    private Forms() {
    }

    /**
     * @param fieldOfForm the form's field for a field of the service's request ({@code title.fi} → {@code titleFi});
     *                    null when the form has no such field
     */
    public static void reject(BindingResult form, ServiceProblem problem, UnaryOperator<String> fieldOfForm) {
        reject(form, problem, fieldOfForm, Map.of());
    }

    /**
     * As above; a field's message is the text of the rule the service names ({@code NotBlank} → "Täytä tämä kenttä."),
     * and a domain rule's message goes next to its field when {@code fieldOfRule} names one.
     *
     * @param fieldOfRule the form's field for a domain rule's {@code code} ({@code lead-not-participating} → {@code leadCity})
     */
    public static void reject(BindingResult form, ServiceProblem problem, UnaryOperator<String> fieldOfForm,
            Map<String, String> fieldOfRule) {
        boolean placed = false;
        boolean unplaced = false;
        for (Map.Entry<String, String> error : problem.fieldErrors().entrySet()) {
            String field = fieldOfForm.apply(error.getKey());
            if (field != null && hasField(form, field)) {
                // the service's code names the text in the user's language; its English message stays the fallback
                form.rejectValue(field, problem.fieldMessageKeys().getOrDefault(error.getKey(), "service.invalid"),
                        new Object[] {error.getValue()}, error.getValue());
                placed = true;
            } else {
                unplaced = true;
            }
        }
        String ruleField = fieldOfRule.get(problem.code());
        if (!placed && ruleField != null && hasField(form, ruleField)) {
            form.rejectValue(ruleField, "problem." + problem.code(), problem.getMessage());
            placed = true;
        }
        if (!placed || unplaced) {
            form.reject("problem." + problem.code(), problem.getMessage());
        }
    }

    private static boolean hasField(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        } catch (RuntimeException noSuchField) {
            return false;
        }
    }

    public static void reject(BindingResult form, ServiceProblem problem) {
        reject(form, problem, UnaryOperator.identity());
    }
}
