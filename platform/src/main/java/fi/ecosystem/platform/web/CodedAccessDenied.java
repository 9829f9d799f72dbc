package fi.ecosystem.platform.web;

import org.springframework.security.access.AccessDeniedException;

/** A 403 whose reason the UI can translate: answers problem+json with a stable {@code code}. */
public class CodedAccessDenied extends AccessDeniedException {

    private final String code;

    public CodedAccessDenied(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
