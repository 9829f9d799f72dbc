package fi.ecosystem.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The gateway protects the browser session with a double-submit cookie: every form echoes the
 * XSRF-TOKEN cookie's value in its {@code _csrf} field.
 */
@ControllerAdvice
class CsrfTokenAdvice {

    static final String COOKIE = "XSRF-TOKEN";

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }
}
