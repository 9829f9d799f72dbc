package fi.ecosystem.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service said no: its problem+json, read into what a form needs — the status, the domain rule's
 * {@code code} (or the problem type's last segment) and the messages per field, with the codes of their texts.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> fieldErrors;
    private final Map<String, String> fieldMessageKeys;

    public ServiceProblem(int status, String code, String detail, Map<String, String> fieldErrors) {
        this(status, code, detail, fieldErrors, Map.of());
    }

    public ServiceProblem(int status, String code, String detail, Map<String, String> fieldErrors,
            Map<String, String> fieldMessageKeys) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.fieldMessageKeys = Map.copyOf(fieldMessageKeys);
    }

    @SuppressWarnings("unchecked")
    static ServiceProblem of(int status, Map<String, Object> body) {
        Map<String, Object> problem = body == null ? Map.of() : body;
        String type = String.valueOf(problem.getOrDefault("type", ""));
        String code = problem.get("code") instanceof String given ? given
                : type.contains("/") ? type.substring(type.lastIndexOf('/') + 1) : "error";
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> item && item.get("field") != null) {
                    String field = String.valueOf(item.get("field"));
                    fields.putIfAbsent(field, String.valueOf(item.get("message")));
                    if (item.get("code") instanceof String fieldCode && !fieldCode.isBlank()) {
                        keys.putIfAbsent(field, messageKey(fieldCode));
                    }
                }
            }
        }
        if (problem.get("field") instanceof String field && !field.isBlank()) {
            fields.putIfAbsent(field, String.valueOf(problem.get("detail")));
            keys.putIfAbsent(field, "problem." + code);
        }
        String detail = problem.get("detail") == null ? "HTTP " + status : String.valueOf(problem.get("detail"));
        return new ServiceProblem(status, code, detail, fields, keys);
    }

    /**
     * The UI text for a field's code: Bean Validation's constraint names ({@code NotBlank}, {@code Size}) as they
     * are, so the form's own validation and the service's say the same; the services' own codes under {@code field.}.
     */
    public static String messageKey(String fieldCode) {
        return Character.isUpperCase(fieldCode.charAt(0)) ? fieldCode : "field." + fieldCode;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Per field, the key of the text that says in the user's language what {@link #fieldErrors()} says in English. */
    public Map<String, String> fieldMessageKeys() {
        return fieldMessageKeys;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The service does not offer this yet (an older version): the page says so instead of failing. */
    public boolean notOffered() {
        return status == 405 || status == 501 || status == 404 && !"not-found".equals(code);
    }
}
