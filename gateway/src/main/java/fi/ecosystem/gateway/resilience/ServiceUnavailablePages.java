package fi.ecosystem.gateway.resilience;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * What the gateway answers when a service is down, too slow or its circuit breaker is open (the routes'
 * {@code CircuitBreaker} filters forward here): 503 with {@code Retry-After}, never a 500. API callers get
 * problem+json with the code {@code service-unavailable}; browsers (the web UI's route) a page in their
 * language with a way back, where what they typed is still in the form.
 */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailablePages {

    static final String PATH = "/unavailable/{service}";
    /** The route whose callers are browsers. */
    static final String BROWSER_ROUTE = "web";
    private static final String PROBLEMS = "https://ecosystem.example.org/problems/";
    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailablePages.class);

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "fi", Map.of("title", "Palvelu ei vastaa juuri nyt",
                    "body", "Yritä hetken kuluttua uudelleen. Jos täytit lomaketta, palaa takaisin: tietosi ovat vielä lomakkeella.",
                    "back", "Takaisin", "home", "Etusivulle"),
            "sv", Map.of("title", "Tjänsten svarar inte just nu",
                    "body", "Försök igen om en stund. Om du fyllde i ett formulär, gå tillbaka: dina uppgifter finns kvar i formuläret.",
                    "back", "Tillbaka", "home", "Till startsidan"),
            "en", Map.of("title", "The service is not answering just now",
                    "body", "Please try again in a moment. If you were filling in a form, go back: what you typed is still there.",
                    "back", "Back", "home", "Home page"));

    @Bean
    RouterFunction<ServerResponse> serviceUnavailableRoute(
            @Value("${ecosystem.gateway.unavailable.retry-after:5s}") Duration retryAfter) {
        return RouterFunctions.route(RequestPredicates.path(PATH), request -> answer(request, retryAfter));
    }

    static Mono<ServerResponse> answer(ServerRequest request, Duration retryAfter) {
        String service = request.pathVariable("service");
        Object cause = request.attribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR).orElse(null);
        log.warn("{} is not answering ({}): 503 for {} {}", service, cause, request.method(), request.path());
        ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (BROWSER_ROUTE.equals(service)) {
            String language = language(request);
            return response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .bodyValue(page(language, back(request)));
        }
        String body = "{\"type\":\"" + PROBLEMS + "service-unavailable\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"code\":\"service-unavailable\",\"service\":\"" + HtmlUtils.htmlEscape(service) + "\","
                + "\"detail\":\"The service is not answering; try again in " + Math.max(1, retryAfter.toSeconds())
                + " seconds\"}";
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(body);
    }

    static String page(String language, String back) {
        Map<String, String> text = TEXTS.get(language);
        return "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text.get("title") + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                + "a{color:#0b4f9c}a:focus{outline:3px solid #f5a623}</style></head><body><main>"
                + "<h1>" + text.get("title") + "</h1><p>" + text.get("body") + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(back, "UTF-8") + "\">" + text.get("back") + "</a> · "
                + "<a href=\"/\">" + text.get("home") + "</a></p></main></body></html>";
    }

    /** The page the user came from, if it was one of ours (the form, with what they typed); else the home page. */
    static String back(ServerRequest request) {
        String referer = request.headers().firstHeader(HttpHeaders.REFERER);
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String host = request.headers().firstHeader(HttpHeaders.HOST);
                host = host == null ? request.uri().getHost() : host.replaceFirst(":\\d+$", "");
                if (uri.getRawPath() != null && uri.getRawPath().startsWith("/")
                        && (uri.getHost() == null || uri.getHost().equalsIgnoreCase(host))) {
                    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException notAnAddress) {
                // fall through to the home page
            }
        }
        return "/";
    }

    /** As the web UI chooses: {@code ?lang=}, then its {@code lang} cookie, then Accept-Language; Finnish by default. */
    static String language(ServerRequest request) {
        String requested = request.queryParam("lang").orElse(null);
        if (requested == null) {
            HttpCookie cookie = request.cookies().getFirst("lang");
            requested = cookie == null ? null : cookie.getValue();
        }
        if (requested != null && TEXTS.containsKey(requested.toLowerCase(Locale.ROOT))) {
            return requested.toLowerCase(Locale.ROOT);
        }
        String accepted = request.headers().firstHeader(HttpHeaders.ACCEPT_LANGUAGE);
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted == null ? "fi" : accepted)) {
                String candidate = range.getRange().substring(0, Math.min(2, range.getRange().length()));
                if (TEXTS.containsKey(candidate)) {
                    return candidate;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // Finnish
        }
        return "fi";
    }
}
