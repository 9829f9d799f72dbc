package fi.ecosystem.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Only a signed-in session's form is held in memory before security; an anonymous one streams through untouched. */
class FormBodyReplayTest {

    final FormBodyReplay replay = new FormBodyReplay(ServerCodecConfigurer.create());

    @Test
    void anAnonymousFormIsNeitherBufferedNorReadBeforeSecurity() {
        MockServerWebExchange anonymous = MockServerWebExchange.from(form("/events/e1/register", "x".repeat(1024 * 1024)));

        ServerWebExchange passed = filter(anonymous);

        assertThat(passed.getRequest()).isSameAs(anonymous.getRequest());
        assertThat(passed.getFormData().block()).isEmpty();
        assertThat(passed.getRequest().getBody().map(buffer -> buffer.readableByteCount()).reduce(0, Integer::sum).block())
                .isEqualTo(1024 * 1024);
        assertThat(anonymous.getResponse().getStatusCode()).isNull();
    }

    @Test
    void aSignedInFormIsReplayedToSecurityAndToThePage() {
        MockServerWebExchange signedIn = MockServerWebExchange.builder(form("/app/events/e1", "_csrf=t&title=Demo"))
                .session(signedInSession()).build();

        ServerWebExchange passed = filter(signedIn);

        assertThat(passed).isNotSameAs(signedIn);
        assertThat(passed.getFormData().block().getFirst("_csrf")).isEqualTo("t");
        assertThat(passed.getRequest().getBody().map(buffer -> buffer.toString(java.nio.charset.StandardCharsets.UTF_8))
                .collectList().block()).containsExactly("_csrf=t&title=Demo");
    }

    @Test
    void aSignedInFormOverTheLimitIsRefused() {
        MockServerWebExchange signedIn = MockServerWebExchange.builder(
                form("/app/events/e1", "x".repeat(FormBodyReplay.MAX_FORM_BYTES + 1))).session(signedInSession()).build();

        ServerWebExchange passed = filter(signedIn);

        assertThat(passed).isNull();
        assertThat(signedIn.getResponse().getStatusCode().value()).isEqualTo(413);
    }

    private ServerWebExchange filter(ServerWebExchange exchange) {
        AtomicReference<ServerWebExchange> passed = new AtomicReference<>();
        replay.filter(exchange, next -> {
            passed.set(next);
            return Mono.empty();
        }).block();
        return passed.get();
    }

    private static MockServerHttpRequest form(String path, String body) {
        return MockServerHttpRequest.post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body);
    }

    private static MockWebSession signedInSession() {
        MockWebSession session = new MockWebSession();
        session.getAttributes().put("SPRING_SECURITY_CONTEXT",
                new SecurityContextImpl(new TestingAuthenticationToken("aino.virtanen", null, "ROLE_USER")));
        return session;
    }
}
