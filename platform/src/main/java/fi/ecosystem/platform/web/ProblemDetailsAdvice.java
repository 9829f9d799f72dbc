package fi.ecosystem.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every service as application/problem+json (RFC 9457). Bad input is a 4xx that says
 * what is wrong and where; nothing is half-stored because validation runs before any write.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ProblemDetail ruleViolated(DomainRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(InvalidFields.class)
    ProblemDetail invalidFields(InvalidFields e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
        problem.setProperty("errors", e.asProperties());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        String code = e instanceof CodedAccessDenied coded ? coded.code() : "forbidden";
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, code, e.getMessage());
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return Problems.of(HttpStatus.CONFLICT, "duplicate", "Something with the same identity exists already");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "Someone else changed this at the same time; reload and try again");
    }

    @ExceptionHandler({IllegalArgumentException.class, ConstraintViolationException.class})
    ProblemDetail invalid(RuntimeException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameterType(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Parameter '" + e.getName() + "' has an invalid value");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; the error is logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields");
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", error.getField());
            // the constraint (NotNull, Size, Pattern…): clients show the message in their user's language
            item.put("code", String.valueOf(error.getCode()));
            item.put("message", error.getDefaultMessage());
            errors.add(item);
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                "code", String.valueOf(error.getCode()), "message", String.valueOf(error.getDefaultMessage()))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid parameters");
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "code", constraintName(error.getCodes()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The constraint's simple name ({@code Pattern}): the last and shortest of the resolvable codes. */
    private static String constraintName(String[] codes) {
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field",
                    "Unknown field '" + unknown.getPropertyName() + "'");
            problem.setProperty("field", path(unknown));
            return problem;
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            DatabindException databind = (DatabindException) cause;
            String field = path(databind);
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "wrong-type",
                    field.isEmpty() ? "The body has the wrong shape" : "Field '" + field + "' has the wrong type or an invalid value");
            problem.setProperty("field", field);
            return problem;
        }
        if (cause instanceof JacksonException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not valid JSON");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body is missing or unreadable");
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
