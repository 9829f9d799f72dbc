package fi.ecosystem.platform.web;

/**
 * A request that is well-formed but breaks a rule of the domain (e.g. a status change that is not
 * allowed). Answers 409 with a stable {@code code} that clients can act on.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String code;

    public DomainRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
