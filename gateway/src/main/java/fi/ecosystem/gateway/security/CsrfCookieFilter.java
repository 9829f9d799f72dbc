package fi.ecosystem.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * WebFlux creates the CSRF token lazily; subscribing to it here makes the XSRF-TOKEN cookie reach the
 * browser on every page. The token also travels to the page being rendered in {@link #TOKEN_HEADER}: on a
 * browser's first visit the cookie is set by this very response, so the page cannot read it from the
 * request, and a form rendered with an empty {@code _csrf} field would be refused when sent.
 */
@Component
class CsrfCookieFilter implements WebFilter {

    /** Set by the gateway only: whatever a client sends under this name is replaced or removed. */
    static final String TOKEN_HEADER = "X-Ecosystem-Csrf-Token";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return chain.filter(withHeader(exchange, null));
        }
        return token.map(CsrfToken::getToken).defaultIfEmpty("")
                .flatMap(value -> chain.filter(withHeader(exchange, value.isEmpty() ? null : value)));
    }

    private static ServerWebExchange withHeader(ServerWebExchange exchange, String token) {
        ServerHttpRequest request = exchange.getRequest();
        if (token == null && !request.getHeaders().containsHeader(TOKEN_HEADER)) {
            return exchange;
        }
        return exchange.mutate().request(request.mutate().headers(headers -> {
            headers.remove(TOKEN_HEADER);
            if (token != null) {
                headers.set(TOKEN_HEADER, token);
            }
        }).build()).build();
    }
}
