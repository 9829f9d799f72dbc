package fi.ecosystem.gateway.signin;

import fi.ecosystem.gateway.GatewayProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** The "choose your city" page in Finnish, Swedish and English: where sign-in begins. */
@Configuration(proxyBeanMethods = false)
class SignInPage {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "fi", Map.of("title", "Kirjaudu sisään", "choose", "Valitse kaupunkisi", "other",
                    "Muu organisaatio: kirjaudu sähköpostiosoitteella", "lang", "Kieli"),
            "sv", Map.of("title", "Logga in", "choose", "Välj din stad", "other",
                    "Annan organisation: logga in med e-postadress", "lang", "Språk"),
            "en", Map.of("title", "Sign in", "choose", "Choose your city", "other",
                    "Another organisation: sign in with your e-mail address", "lang", "Language"));

    @Bean
    RouterFunction<ServerResponse> signInRoute(GatewayProperties gateway) {
        return RouterFunctions.route().GET("/sign-in", request -> page(request, gateway.cities())).build();
    }

    private static Mono<ServerResponse> page(ServerRequest request, List<GatewayProperties.City> cities) {
        String language = language(request);
        Map<String, String> text = TEXTS.get(language);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(language).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text.get("title")).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
                .append("a{color:#0b4f9c}a:focus{outline:3px solid #f5a623}ul{columns:2;padding-left:1.2rem}li{margin:.3rem 0}</style>")
                .append("</head><body><main><h1>").append(text.get("title")).append("</h1>")
                .append("<nav aria-label=\"").append(text.get("lang")).append("\"><a href=\"?lang=fi\" lang=\"fi\">Suomeksi</a> · ")
                .append("<a href=\"?lang=sv\" lang=\"sv\">På svenska</a> · <a href=\"?lang=en\" lang=\"en\">In English</a></nav>")
                .append("<h2>").append(text.get("choose")).append("</h2><ul>");
        cities.stream().sorted(Comparator.comparing(city -> city.name().toLowerCase(Locale.ROOT))).forEach(city -> html
                .append("<li><a href=\"/oauth2/authorization/keycloak?city=").append(HtmlUtils.htmlEscape(city.alias(), "UTF-8"))
                .append("&amp;lang=").append(language).append("\">").append(HtmlUtils.htmlEscape(city.name(), "UTF-8"))
                .append("</a></li>"));
        html.append("</ul><p><a href=\"/oauth2/authorization/keycloak?lang=").append(language).append("\">")
                .append(text.get("other")).append("</a></p></main></body></html>");
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).bodyValue(html.toString());
    }

    private static String language(ServerRequest request) {
        String requested = request.queryParam("lang").orElse(null);
        if (requested != null && TEXTS.containsKey(requested)) {
            return requested;
        }
        String accepted = request.headers().firstHeader("Accept-Language");
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted == null ? "fi" : accepted)) {
                String candidate = range.getRange().substring(0, Math.min(2, range.getRange().length()));
                if (TEXTS.containsKey(candidate)) {
                    return candidate;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // fall back to Finnish
        }
        return "fi";
    }
}
