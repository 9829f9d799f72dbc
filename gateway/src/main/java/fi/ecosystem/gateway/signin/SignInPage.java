package fi.ecosystem.gateway.signin;

import fi.ecosystem.gateway.GatewayProperties;
import fi.ecosystem.gateway.errors.BrowserErrorPage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The "choose your city" page in Finnish, Swedish and English: where sign-in begins. Its texts are in the gateway's
 * bundle ({@code i18n/messages}, {@code signin.*}) and its language is chosen as for every page the gateway writes
 * ({@link BrowserErrorPage#language}).
 */
@Configuration(proxyBeanMethods = false)
class SignInPage {

    @Bean
    RouterFunction<ServerResponse> signInRoute(GatewayProperties gateway, MessageSource messages) {
        return RouterFunctions.route().GET("/sign-in", request -> page(request, gateway.cities(), messages)).build();
    }

    static Mono<ServerResponse> page(ServerRequest request, List<GatewayProperties.City> cities, MessageSource messages) {
        String language = BrowserErrorPage.language(request.exchange());
        Locale locale = Locale.forLanguageTag(language);
        Function<String, String> text = key -> HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(language).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text.apply("signin.title")).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
                .append("a{color:#0b4f9c}a:focus{outline:3px solid #f5a623}ul{columns:2;padding-left:1.2rem}li{margin:.3rem 0}</style>")
                .append("</head><body><main><h1>").append(text.apply("signin.title")).append("</h1>");
        if (request.queryParam("failed").isPresent()) {
            html.append("<p role=\"alert\" style=\"border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee\">")
                    .append(text.apply("signin.failed")).append("</p>");
        }
        html                .append("<nav aria-label=\"").append(text.apply("nav.language")).append("\"><a href=\"?lang=fi\" lang=\"fi\">Suomeksi</a> · ")
                .append("<a href=\"?lang=sv\" lang=\"sv\">På svenska</a> · <a href=\"?lang=en\" lang=\"en\">In English</a></nav>")
                .append("<h2>").append(text.apply("signin.choose")).append("</h2><ul>");
        cities.stream().sorted(Comparator.comparing(city -> city.name().toLowerCase(Locale.ROOT))).forEach(city -> html
                .append("<li><a href=\"/oauth2/authorization/keycloak?city=").append(HtmlUtils.htmlEscape(city.alias(), "UTF-8"))
                .append("&amp;lang=").append(language).append("\">").append(HtmlUtils.htmlEscape(city.name(), "UTF-8"))
                .append("</a></li>"));
        html.append("</ul><p><a href=\"/oauth2/authorization/keycloak?lang=").append(language).append("\">")
                .append(text.apply("signin.other")).append("</a></p></main></body></html>");
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .headers(headers -> headers.setContentLanguage(locale)).bodyValue(html.toString());
    }
}
