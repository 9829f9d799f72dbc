package fi.ecosystem.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The routes' resilience against stand-in services: a service that is down or whose circuit is open gives
 * 503 with Retry-After (problem+json for the API, a page in the user's language for the web UI), an idempotent
 * GET is tried once more, a POST never, and a slow answer within the response timeout still gets through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ecosystem.gateway.public-rate-limit.requests=1000", "GATEWAY_RESPONSE_TIMEOUT=5s"})
@AutoConfigureWebTestClient
class GatewayResilienceTest {

    /** events-service: answers, fails once on request, or is slow. */
    static final HttpServer events = startEvents();
    static final AtomicInteger calls = new AtomicInteger();
    static final AtomicInteger failuresToGive = new AtomicInteger();
    static final int BURST = 60;
    static final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(BURST);

    static HttpServer startEvents() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                calls.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().endsWith("/hold")) {
                    // answers only once the whole burst is in flight at the same time (or after 20 s)
                    held.countDown();
                    try {
                        held.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (exchange.getRequestURI().getPath().endsWith("/crash")) {
                    exchange.close(); // no answer at all: the connection drops, as when the process dies mid-request
                    return;
                }
                int status = failuresToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 502 : 200;
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    try {
                        Thread.sleep(1_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on: a service that is down. */
    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        fi.ecosystem.platform.testing.EmbeddedStore.register(registry, "gateway-resilience-test");
        String down = "http://127.0.0.1:" + deadPort();
        registry.add("EVENTS_SERVICE_URL", () -> "http://127.0.0.1:" + events.getAddress().getPort());
        registry.add("PROJECTS_SERVICE_URL", () -> down);
        registry.add("CONTACTS_SERVICE_URL", () -> down);
        registry.add("WEB_URL", () -> down);
    }

    @AfterAll
    static void stop() {
        events.stop(0);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void reset() {
        // two cores shared with other builds: give a loaded machine time
        client = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        calls.set(0);
        failuresToGive.set(0);
        breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    @Test
    void anApiCallThatMeetsADeadServiceIsA503ProblemWithRetryAfter() {
        client.post().uri("/public/events/abc/crash").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("service-unavailable")
                .jsonPath("$.service").isEqualTo("events-service")
                .jsonPath("$.status").isEqualTo(503);
        assertThat(calls.get()).isEqualTo(1);
        // the same service still answers what it can
        client.get().uri("/public/events").exchange().expectStatus().isOk();
    }

    @Test
    void aPageOfTheWebUiThatIsDownIsA503PageInTheUsersLanguageWithAWayBack() {
        String swedish = client.get().uri("/events").header("Accept-Language", "sv-FI,sv;q=0.9")
                .header("Referer", "http://localhost/events/abc").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        // the gateway's one error page (BrowserErrorPage) with its bundle's texts, the same as for a 404 or 403
        assertThat(swedish).contains("lang=\"sv\"", "<h1>Tjänsten svarar inte just nu</h1>", "href=\"/events/abc\"",
                "– Innovationsekosystem</title>", "<main id=\"main\">", "href=\"/assets/site.css\"", ">Tillbaka</a>");

        String english = client.get().uri("/events/abc").cookie("lang", "en").header("Accept-Language", "fi")
                .header("Referer", "https://elsewhere.example.org/phish").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody();
        // the way back stays on this site
        assertThat(english).contains("The service is not answering just now", "href=\"/\"").doesNotContain("elsewhere");
    }

    @Test
    void anIdempotentGetIsTriedOnceMoreButAPostIsNot() {
        failuresToGive.set(1);
        client.get().uri("/public/events").exchange().expectStatus().isOk();
        assertThat(calls.get()).isEqualTo(2);

        calls.set(0);
        failuresToGive.set(1);
        client.post().uri("/public/events/abc/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(502);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerWithinTheResponseTimeoutGetsThrough() {
        client.get().uri("/public/events/slow").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);
    }

    @Test
    void aServiceThatKeepsFailingOpensItsCircuitAndIsNoLongerCalled() {
        for (int i = 0; i < 12; i++) {
            client.get().uri("/").exchange().expectStatus().isEqualTo(503);
        }
        assertThat(breakers.circuitBreaker("web").getState())
                .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
        // events-service has its own breaker: still closed and answering
        client.get().uri("/public/events").exchange().expectStatus().isOk();
        assertThat(breakers.circuitBreaker("events-service").getState())
                .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** A burst of callers at once (above resilience4j's default bulkhead of 25 calls in flight) all get through. */
    @Test
    void aBurstOfConcurrentCallsIsAllForwardedNotRefused() {
        org.springframework.web.reactive.function.client.WebClient web =
                org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port);
        java.util.List<Integer> statuses = reactor.core.publisher.Flux.range(0, BURST)
                .flatMap(i -> web.get().uri("/public/events/hold").exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value())), BURST)
                .collectList().block(java.time.Duration.ofSeconds(60));

        assertThat(held.getCount()).as("every call of the burst reached the service at the same time").isZero();
        assertThat(statuses).hasSize(BURST).containsOnly(200);
    }
}
