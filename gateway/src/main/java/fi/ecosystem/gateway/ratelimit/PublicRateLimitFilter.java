package fi.ecosystem.gateway.ratelimit;

import fi.ecosystem.gateway.GatewayProperties;
import fi.ecosystem.gateway.errors.BrowserErrorPage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits per client address for what the public reaches without signing in (see {@link PublicSurface}):
 * reads of {@code /public/**}, and a tighter budget for every public write, JSON or web form. A person
 * registering (a form, a correction, a cancellation) stays far below the write budget; a script posting
 * the registration form gets 429 with Retry-After. The counters are fixed windows in MongoDB, one atomic
 * increment per request, so every gateway replica counts against the same limit. Runs before security
 * and before any body is read, so refused requests cost nothing downstream. If the store does not
 * answer, requests pass (fail open) rather than locking the public out.
 */
@Component
public class PublicRateLimitFilter implements WebFilter, Ordered {

    static final String COLLECTION = "rate_limits";
    private static final Logger log = LoggerFactory.getLogger(PublicRateLimitFilter.class);

    private final ReactiveMongoTemplate mongo;
    private final BrowserErrorPage errorPages;
    private final GatewayProperties.RateLimit reads;
    private final GatewayProperties.RateLimit writes;
    private final XForwardedRemoteAddressResolver clientAddress;

    public PublicRateLimitFilter(ReactiveMongoTemplate mongo, GatewayProperties gateway, BrowserErrorPage errorPages) {
        this.mongo = mongo;
        this.errorPages = errorPages;
        this.reads = gateway.publicRateLimit();
        this.writes = gateway.publicWriteRateLimit();
        this.clientAddress = gateway.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(gateway.trustedProxies())
                : null;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .onErrorComplete().subscribe();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PublicSurface.Budget budget = PublicSurface.budget(exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        if (budget == PublicSurface.Budget.NONE) {
            return chain.filter(exchange);
        }
        GatewayProperties.RateLimit limit = budget == PublicSurface.Budget.WRITE ? writes : reads;
        long windowMillis = limit.window().toMillis();
        long now = System.currentTimeMillis();
        long windowStart = now - now % windowMillis;
        String counter = budget.name().toLowerCase(java.util.Locale.ROOT) + "|" + client(exchange) + "|" + windowStart;
        Query query = new Query(Criteria.where("_id").is(counter));
        Update increment = new Update().inc("count", 1)
                .setOnInsert("expireAt", Date.from(Instant.ofEpochMilli(windowStart + 2 * windowMillis)));
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        return mongo.findAndModify(query, increment, upsert, Document.class, COLLECTION)
                // two first requests of a window may both insert: the loser simply increments
                .onErrorResume(DuplicateKeyException.class,
                        duplicate -> mongo.findAndModify(query, increment, upsert, Document.class, COLLECTION))
                .map(document -> ((Number) document.get("count")).longValue())
                .onErrorResume(storeDown -> {
                    log.warn("Rate limit store unavailable, letting the request pass: {}", storeDown.getMessage());
                    return Mono.just(0L);
                })
                .flatMap(count -> {
                    exchange.getResponse().getHeaders().set("X-RateLimit-Limit", String.valueOf(limit.requests()));
                    if (count <= limit.requests()) {
                        return chain.filter(exchange);
                    }
                    long retryAfterSeconds = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
                    // a browser's form gets a page in its language, scripts and the JSON API problem+json
                    return errorPages.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
                });
    }

    private String client(ServerWebExchange exchange) {
        InetSocketAddress address = clientAddress != null ? clientAddress.resolve(exchange)
                : exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : PublicSurface.client(address.getAddress());
    }

    @Override
    public int getOrder() {
        return -200;
    }
}
