package fi.ecosystem.web.support;

import fi.ecosystem.platform.security.CityUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page needs: the CSRF token to echo, the signed-in user (if any), the current address for
 * the language links, and error pages for what the services answer.
 */
@ControllerAdvice(basePackages = "fi.ecosystem.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    /** The gateway protects the browser session with a double-submit cookie: forms echo it in {@code _csrf}. */
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    /**
     * The token the gateway hands to the page it forwards. On a browser's first visit the cookie comes with
     * this very response, so the request has none yet; the gateway replaces whatever a client sends here.
     */
    static final String CSRF_HEADER = "X-Ecosystem-Csrf-Token";
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        String fromGateway = request.getHeader(CSRF_HEADER);
        if (fromGateway != null && !fromGateway.isBlank()) {
            return fromGateway;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (CSRF_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }

    @ModelAttribute("signedIn")
    CityUser signedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? CityUser.from(token.getToken()) : null;
    }

    /** This page's address without {@code lang}, so switching the language stays on the page. */
    @ModelAttribute("languageLink")
    String languageLink(HttpServletRequest request) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang");
        return link.build().toUriString();
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ServiceProblem.class)
    String problem(ServiceProblem problem, HttpServletResponse response, Model model) {
        int status = switch (problem.status()) {
            case 401, 403, 404 -> problem.status();
            default -> 400;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", problem.getMessage());
        model.addAttribute("code", problem.code());
        return "error/page";
    }

    /** Anything else is our fault: an error page in the user's language, and the details in the log. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.core.AuthenticationException
                || e instanceof org.springframework.security.access.AccessDeniedException) {
            throw e;
        }
        log.error("Unexpected error", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        return "error/page";
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable unavailable, HttpServletResponse response, Model model) {
        log.warn("{}", unavailable.getMessage(), unavailable.getCause());
        response.setStatus(503);
        // a service restarting is back within seconds (the gateway's circuit breakers say the same)
        response.setHeader("Retry-After", "5");
        model.addAttribute("status", 503);
        return "error/page";
    }
}
