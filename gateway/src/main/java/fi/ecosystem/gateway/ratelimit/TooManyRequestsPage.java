package fi.ecosystem.gateway.ratelimit;

import fi.ecosystem.gateway.PageLanguage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The 429 a person sees after a browser form post: a short page in their language (the {@code lang}
 * parameter or cookie the web UI uses, else Accept-Language) with a link back to the event, instead of
 * JSON. API clients get problem+json.
 */
final class TooManyRequestsPage {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "fi", Map.of("title", "Liian monta yritystä",
                    "detail", "Tästä osoitteesta on lähetetty liian monta lomaketta lyhyessä ajassa. Yritä uudelleen %s.",
                    "seconds", "%d sekunnin kuluttua", "minutes", "%d minuutin kuluttua",
                    "event", "Takaisin tapahtumaan", "events", "Kaikki tapahtumat"),
            "sv", Map.of("title", "För många försök",
                    "detail", "För många formulär har skickats från den här adressen på kort tid. Försök igen %s.",
                    "seconds", "om %d sekunder", "minutes", "om %d minuter",
                    "event", "Tillbaka till evenemanget", "events", "Alla evenemang"),
            "en", Map.of("title", "Too many attempts",
                    "detail", "Too many forms were sent from this address in a short time. Please try again %s.",
                    "seconds", "in %d seconds", "minutes", "in %d minutes",
                    "event", "Back to the event", "events", "All events"));

    private TooManyRequestsPage() {
    }

    /** A browser asks for HTML by name; API clients ask for JSON or anything. */
    static boolean wanted(ServerHttpRequest request) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> !type.isWildcardType() && MediaType.TEXT_HTML.includes(type));
    }

    static Mono<Void> write(ServerWebExchange exchange, long retryAfterSeconds) {
        ServerHttpRequest request = exchange.getRequest();
        String language = language(request);
        Map<String, String> text = TEXTS.get(language);
        String wait = retryAfterSeconds > 90
                ? text.get("minutes").formatted((retryAfterSeconds + 59) / 60)
                : text.get("seconds").formatted(retryAfterSeconds);
        String event = eventPage(PublicSurface.normalise(request.getPath().pathWithinApplication()));
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"").append(language).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text.get("title")).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
                .append("a{color:#0b4f9c}a:focus{outline:3px solid #f5a623}</style></head><body><main>")
                .append("<h1>").append(text.get("title")).append("</h1>")
                .append("<p>").append(text.get("detail").formatted(wait)).append("</p><p>");
        if (event != null) {
            html.append("<a href=\"").append(HtmlUtils.htmlEscape(event, "UTF-8")).append("\">").append(text.get("event"))
                    .append("</a> · ");
        }
        html.append("<a href=\"/events\">").append(text.get("events")).append("</a></p></main></body></html>");
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** The page the form was on: the event of a registration form, the private page of a cancellation. */
    static String eventPage(String path) {
        String[] segments = path.substring(1).split("/");
        if (segments.length == 3 && segments[0].equals("events") && segments[2].equals("register")) {
            return "/events/" + UriUtils.encodePathSegment(segments[1], StandardCharsets.UTF_8);
        }
        if (segments.length == 4 && segments[0].equals("events") && segments[1].equals("registrations")) {
            return "/events/registrations/" + UriUtils.encodePathSegment(segments[2], StandardCharsets.UTF_8);
        }
        return null;
    }

    static String language(ServerHttpRequest request) {
        String requested = request.getQueryParams().getFirst("lang");
        if (requested == null) {
            HttpCookie cookie = request.getCookies().getFirst("lang");
            requested = cookie == null ? null : cookie.getValue();
        }
        return PageLanguage.of(requested, request.getHeaders().getFirst("Accept-Language"));
    }
}
