package fi.ecosystem.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressHeaderTest {

    static MockServerWebExchange fromPeer(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/events/ev-1/register")
                .remoteAddress(new InetSocketAddress(peer, 40000)).header("Authorization", "Bearer t");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

    static HttpHeaders forwarded(ClientAddressHeader filter, MockServerWebExchange exchange) {
        return filter.filter(exchange.getRequest().getHeaders(), exchange);
    }

    @Test
    void withoutProxiesInFrontTheSocketsPeerIsTheClientAndWhatTheClientClaimedIsDropped() {
        HttpHeaders headers = forwarded(new ClientAddressHeader(0), fromPeer("203.0.113.5", "192.0.2.66"));

        assertThat(headers.get("X-Forwarded-For")).containsExactly("203.0.113.5");
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer t");
    }

    @Test
    void behindOneTrustedProxyTheAddressItRecordedIsTheClient() {
        HttpHeaders headers = forwarded(new ClientAddressHeader(1), fromPeer("10.0.0.1", "192.0.2.66, 203.0.113.5"));

        assertThat(headers.get("X-Forwarded-For")).containsExactly("203.0.113.5");
    }

    @Test
    void anIpv6ClientIsPassedOnAsItsAddress() {
        HttpHeaders headers = forwarded(new ClientAddressHeader(0), fromPeer("2001:db8:1:2::7", null));

        assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("2001:db8:1:2:0:0:0:7");
    }
}
