package fi.ecosystem.gateway.errors;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The answers the gateway itself gives a browser (a refused form, an address nothing serves, a service
 * that is away): a page in the user's language with a way back, never a bare status line. Scripts and
 * integrators asking for JSON get problem+json with the same code instead.
 */
@Component
public class BrowserErrorPage {

    static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final MessageSource messages;

    BrowserErrorPage(MessageSource messages) {
        this.messages = messages;
    }

    /** True when the request comes from a page (a link or a form) rather than from a script or an integrator. */
    public static boolean wantsPage(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getPath().value().startsWith("/api/") || request.getPath().value().startsWith("/public/")) {
            return false;
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /**
     * Writes the page (or problem+json) for {@code status}, with the reason {@code code} ({@code error.<code>.*}
     * texts; the status's own texts when the code has none).
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (!wantsPage(exchange)) {
            return ProblemResponses.write(response, status, code, text(code, status, "text", Locale.ENGLISH));
        }
        return writePage(exchange, status, code);
    }

    /**
     * Writes the page for {@code status} whatever the request accepts: for routes whose callers are browsers (the
     * web UI's), where a script that sends no Accept header still stands for a person's page.
     */
    public Mono<Void> writePage(ServerWebExchange exchange, HttpStatus status, String code) {
        ServerHttpResponse response = exchange.getResponse();
        Page page = page(exchange, status, code);
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setContentLanguage(page.locale());
        DataBuffer buffer = response.bufferFactory().wrap(page.html().getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** An error page in the user's language: the HTML and the language it is in. */
    public record Page(Locale locale, String html) {
    }

    public Page page(ServerWebExchange exchange, HttpStatus status, String code) {
        Locale locale = Locale.forLanguageTag(language(exchange));
        String title = text(code, status, "title", locale);
        // the inline rules keep the page readable when the web UI, which serves the stylesheet, is the one away
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " – " + escape(messages.getMessage("app.name", null, locale)) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                + "a{color:#0b4f9c}a:focus{outline:3px solid #f5a623}</style>"
                + "<link rel=\"stylesheet\" href=\"/assets/site.css\">"
                + "</head><body><main id=\"main\"><h1>" + escape(title) + "</h1>"
                + "<p>" + escape(text(code, status, "text", locale)) + "</p>"
                + "<p><a href=\"" + escape(backLink(exchange)) + "\">" + escape(messages.getMessage("error.back", null, locale))
                + "</a> · <a href=\"/\">" + escape(messages.getMessage("error.home", null, locale)) + "</a></p>"
                + "</main></body></html>";
        return new Page(locale, html);
    }

    private String text(String code, HttpStatus status, String part, Locale locale) {
        String specific = messages.getMessage("error." + code + "." + part, null, null, locale);
        return specific != null ? specific : messages.getMessage("error." + status.value() + "." + part, null, locale);
    }

    /**
     * The page the user came from (a form, with what they typed), if it was on this site; else the front page. Only
     * its path is kept, so the link never leads elsewhere.
     */
    static String backLink(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String referer = request.getHeaders().getFirst("Referer");
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                String host = request.getHeaders().getFirst("Host");
                host = host == null ? request.getURI().getHost() : host.replaceFirst(":\\d+$", "");
                boolean ours = from.getHost() == null || from.getHost().equalsIgnoreCase(host);
                if (ours && from.getRawPath() != null && from.getRawPath().startsWith("/") && !from.getRawPath().startsWith("//")) {
                    return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (IllegalArgumentException notAnAddress) {
                // fall back to the front page
            }
        }
        return "/";
    }

    /**
     * The language of every page the gateway writes (sign-in, errors, 503): the one the user chose ({@code lang}
     * parameter or cookie, as the web UI keeps it), else the browser's first of fi/sv/en, else Finnish.
     */
    public static String language(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String chosen = request.getQueryParams().getFirst("lang");
        if (chosen == null) {
            HttpCookie cookie = request.getCookies().getFirst("lang");
            chosen = cookie == null ? null : cookie.getValue();
        }
        if (chosen != null && LANGUAGES.contains(chosen)) {
            return chosen;
        }
        String accepted = request.getHeaders().getFirst("Accept-Language");
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted == null ? "fi" : accepted)) {
                String candidate = range.getRange().substring(0, Math.min(2, range.getRange().length()));
                if (LANGUAGES.contains(candidate)) {
                    return candidate;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // fall back to Finnish
        }
        return "fi";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
