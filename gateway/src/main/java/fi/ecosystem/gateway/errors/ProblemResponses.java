package fi.ecosystem.gateway.errors;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import reactor.core.publisher.Mono;

/** problem+json answers written by the gateway itself (the services write their own), with a code the UI translates. */
public final class ProblemResponses {

    private static final String BASE = "https://ecosystem.example.org/problems/";

    private ProblemResponses() {
    }

    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, exception) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"ecosystem\"");
            boolean tokenSent = exchange.getRequest().getHeaders().getFirst("Authorization") != null;
            return write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized", tokenSent
                    ? "The bearer token is invalid, expired or from an issuer that is not trusted"
                    : "Sign in, or send a bearer token");
        };
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"" + BASE + type + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"code\":\"" + type + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
