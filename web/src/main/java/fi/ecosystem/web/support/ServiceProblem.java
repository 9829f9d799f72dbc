package fi.ecosystem.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service said no: its problem+json, read into what a form needs — the status, the domain rule's
 * {@code code} (or the problem type's last segment) and the messages per field.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> fieldErrors;
    private final Map<String, String> fieldCodes;

    public ServiceProblem(int status, String code, String detail, Map<String, String> fieldErrors) {
        this(status, code, detail, fieldErrors, Map.of());
    }

    /** @param fieldCodes per field, the rule it broke ({@code NotBlank}, {@code Size}…) when the service says */
    public ServiceProblem(int status, String code, String detail, Map<String, String> fieldErrors, Map<String, String> fieldCodes) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.fieldCodes = Map.copyOf(fieldCodes);
    }

    @SuppressWarnings("unchecked")
    static ServiceProblem of(int status, Map<String, Object> body) {
        Map<String, Object> problem = body == null ? Map.of() : body;
        String type = String.valueOf(problem.getOrDefault("type", ""));
        String code = problem.get("code") instanceof String given ? given
                : type.contains("/") ? type.substring(type.lastIndexOf('/') + 1) : "error";
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> item && item.get("field") != null) {
                    String field = String.valueOf(item.get("field"));
                    fields.putIfAbsent(field, String.valueOf(item.get("message")));
                    if (item.get("code") instanceof String fieldCode && !codes.containsKey(field)) {
                        codes.put(field, fieldCode);
                    }
                }
            }
        }
        if (problem.get("field") instanceof String field && !field.isBlank()) {
            fields.putIfAbsent(field, String.valueOf(problem.get("detail")));
        }
        String detail = problem.get("detail") == null ? "HTTP " + status : String.valueOf(problem.get("detail"));
        return new ServiceProblem(status, code, detail, fields, codes);
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

    /** The rule the field broke, as the service named it ({@code NotBlank}); null when it did not say. */
    public String fieldCode(String field) {
        return fieldCodes.get(field);
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The service does not offer this yet (an older version): the page says so instead of failing. */
    public boolean notOffered() {
        return status == 405 || status == 501 || status == 404 && !"not-found".equals(code);
    }
}
