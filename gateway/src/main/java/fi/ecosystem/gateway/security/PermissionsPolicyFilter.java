package fi.ecosystem.gateway.security;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Browser features the platform never uses stay off for every page. */
@Component
class PermissionsPolicyFilter implements WebFilter {

    static final String POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set("Permissions-Policy", POLICY);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
