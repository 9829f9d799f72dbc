package fi.ecosystem.gateway.resilience;

import fi.ecosystem.gateway.errors.BrowserErrorPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * problem+json with the code {@code service-unavailable}; browsers (the web UI's route) the gateway's one error
 * page ({@link BrowserErrorPage}) in their language, with a way back to where what they typed is still in the form.
 */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailablePages {

    static final String PATH = "/unavailable/{service}";
    /** The route whose callers are browsers. */
    static final String BROWSER_ROUTE = "web";
    static final String CODE = "service-unavailable";
    private static final String PROBLEMS = "https://ecosystem.example.org/problems/";
    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailablePages.class);

    @Bean
    RouterFunction<ServerResponse> serviceUnavailableRoute(BrowserErrorPage pages,
            @Value("${ecosystem.gateway.unavailable.retry-after:5s}") Duration retryAfter) {
        return RouterFunctions.route(RequestPredicates.path(PATH), request -> answer(request, pages, retryAfter));
    }

    static Mono<ServerResponse> answer(ServerRequest request, BrowserErrorPage pages, Duration retryAfter) {
        String service = request.pathVariable("service");
        Object cause = request.attribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR).orElse(null);
        log.warn("{} is not answering ({}): 503 for {} {}", service, cause, request.method(), request.path());
        ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (BROWSER_ROUTE.equals(service)) {
            // the same page as every other error the gateway answers a browser with, in the same language
            BrowserErrorPage.Page page = pages.page(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE, CODE);
            return response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .headers(headers -> headers.setContentLanguage(page.locale())).bodyValue(page.html());
        }
        String body = "{\"type\":\"" + PROBLEMS + "service-unavailable\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"code\":\"" + CODE + "\",\"service\":\"" + HtmlUtils.htmlEscape(service) + "\","
                + "\"detail\":\"The service is not answering; try again in " + Math.max(1, retryAfter.toSeconds())
                + " seconds\"}";
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(body);
    }
}
