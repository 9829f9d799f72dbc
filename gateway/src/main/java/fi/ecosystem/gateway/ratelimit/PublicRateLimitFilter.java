package fi.ecosystem.gateway.ratelimit;

import fi.ecosystem.gateway.GatewayProperties;
import fi.ecosystem.gateway.security.ProblemResponses;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client address for the public endpoints: honest users (a page, a form, a few
 * retries) stay far below it; a script hammering the registration form gets 429 with Retry-After.
 * Runs before security so refused requests cost nothing downstream.
 */
@Component
public class PublicRateLimitFilter implements WebFilter, Ordered {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final GatewayProperties.RateLimit limit;
    private final XForwardedRemoteAddressResolver clientAddress;

    public PublicRateLimitFilter(GatewayProperties gateway) {
        this.limit = gateway.publicRateLimit();
        this.clientAddress = gateway.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(gateway.trustedProxies())
                : null;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/public/")) {
            return chain.filter(exchange);
        }
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear(); // bounded memory under an address-spraying attack; honest clients just start afresh
        }
        TokenBucket bucket = buckets.computeIfAbsent(client(exchange),
                key -> new TokenBucket(limit.capacity(), limit.refillPerSecond()));
        long waitMillis = bucket.tryTake(System.nanoTime());
        exchange.getResponse().getHeaders().set("X-RateLimit-Limit", String.valueOf(limit.capacity()));
        if (waitMillis == 0) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests from this address; try again in a moment");
    }

    private String client(ServerWebExchange exchange) {
        InetSocketAddress address = clientAddress != null ? clientAddress.resolve(exchange)
                : exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return -200;
    }
}
