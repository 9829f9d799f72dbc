package fi.ecosystem.gateway.forwarding;

import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services and the web UI who the client is: {@code X-Forwarded-For} on every forwarded request is
 * exactly one address, the client's as the gateway resolved it (the socket's peer, or with
 * {@code TRUSTED_PROXIES=n} the address the n proxies in front of the gateway recorded). Whatever the client
 * sent in that header is replaced, never appended to, so downstream the header can be trusted: only the gateway
 * reaches them. Runs after the gateway's own filter that strips X-Forwarded-* headers.
 */
@Component
public class ClientAddressHeader implements HttpHeadersFilter, Ordered {

    public static final String HEADER = "X-Forwarded-For";

    private final XForwardedRemoteAddressResolver behindProxies;

    /** @param trustedProxies the gateway's setting ({@code ecosystem.gateway.trusted-proxies}), as the rate limit reads it */
    public ClientAddressHeader(@Value("${ecosystem.gateway.trusted-proxies:0}") int trustedProxies) {
        this.behindProxies = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies) : null;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.remove(HEADER);
        InetSocketAddress client = behindProxies != null ? behindProxies.resolve(exchange)
                : exchange.getRequest().getRemoteAddress();
        if (client != null && client.getAddress() != null) {
            headers.set(HEADER, client.getAddress().getHostAddress());
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
