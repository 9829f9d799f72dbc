package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks on the whole stack: integrators with real client-credential tokens from the real Keycloak register
 * endpoints through the gateway on a receiver on this machine; an event change goes from events-service's outbox
 * through Kafka to the webhook job and arrives signed (Standard Webhooks, checked here independently), while the
 * integrator of a city that does not take part in the event's project never gets it.
 */
// IntegratorAccessIT shortens this client's token lifespan for a while; WebhooksIT needs its tokens to last
@ResourceLock("keycloak-client-uusimaa-reporting")
@ExtendWith(Stack.class)
class WebhooksIT {

    @Test
    void anEventChangeArrivesSignedAtItsCitysIntegratorAndNotAtAnotherCitys() throws Exception {
        try (LocalReceiver receiver = new LocalReceiver()) {
            String helsinki = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
            String uusimaa = Keycloak.clientCredentials("ecosystem", "uusimaa-reporting", "uusimaa-reporting-local-secret");
            String helsinkiEndpoint = register(receiver, helsinki, "helsinki");
            String uusimaaEndpoint = register(receiver, uusimaa, "uusimaa");

            // Helsinki's own project (Uusimaa takes no part), then a project of both
            String helsinkiOnly = MessagingIT.eventIn("health-capital-helsinki", 5);
            publish(helsinki, helsinkiOnly);
            String shared = MessagingIT.eventIn("smart-helsinki-region", 5);
            publish(helsinki, shared);

            // creating an event sends its draft first; the wait is for the publishing, which comes after it
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    receiver.published("helsinki", helsinkiOnly).isPresent()
                            && receiver.published("helsinki", shared).isPresent()
                            && receiver.published("uusimaa", shared).isPresent());

            assertThat(receiver.badSignatures.get()).isZero();
            JsonNode published = receiver.published("helsinki", helsinkiOnly).orElseThrow();
            assertThat(published.get("type").asString()).isEqualTo("event.changed");
            assertThat(published.get("source").asString()).isEqualTo("events-service");
            assertThat(published.get("cities").toString()).contains("helsinki").doesNotContain("uusimaa");
            // the Helsinki-only event was queued (Helsinki got it) and never for Uusimaa
            assertThat(receiver.subjects("uusimaa")).contains(shared).doesNotContain(helsinkiOnly);
            JsonNode uusimaaLog = Keycloak.json(Api.get(Stack.GATEWAY + "/api/webhooks/" + uusimaaEndpoint + "/deliveries?size=200",
                    uusimaa).body());
            assertThat(uusimaaLog.toString()).contains(shared).doesNotContain(helsinkiOnly);
            JsonNode helsinkiLog = Keycloak.json(Api.get(Stack.GATEWAY + "/api/webhooks/" + helsinkiEndpoint + "/deliveries?size=200",
                    helsinki).body());
            assertThat(helsinkiLog.toString()).contains(helsinkiOnly, "DELIVERED");

            // each client sees its own endpoints only
            assertThat(Api.get(Stack.GATEWAY + "/api/webhooks/" + helsinkiEndpoint, uusimaa).statusCode()).isEqualTo(404);
            assertThat(Api.get(Stack.GATEWAY + "/api/webhooks/" + helsinkiEndpoint, helsinki).statusCode()).isEqualTo(200);
            assertThat(delete(Stack.GATEWAY + "/api/webhooks/" + helsinkiEndpoint, helsinki).statusCode()).isEqualTo(204);
            assertThat(delete(Stack.GATEWAY + "/api/webhooks/" + uusimaaEndpoint, uusimaa).statusCode()).isEqualTo(204);
        }
    }

    private static String register(LocalReceiver receiver, String token, String path) throws Exception {
        HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/webhooks", token, """
                {"url": "%s", "eventTypes": ["event.changed"], "contactEmail": "integrations@%s.example.org",
                 "description": "WebhooksIT"}
                """.formatted(receiver.url(path), path));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = Keycloak.json(created.body());
        assertThat(endpoint.get("secret").asString()).startsWith("whsec_");
        receiver.secrets.put("/" + path, endpoint.get("secret").asString());
        return endpoint.get("id").asString();
    }

    private static HttpResponse<String> delete(String url, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .DELETE().header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(String token, String event) throws Exception {
        HttpResponse<String> published = Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", token, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    /** An integrator's endpoint on this machine: accepts what is signed with its path's secret, keeps it in order. */
    static final class LocalReceiver implements AutoCloseable {

        final Map<String, String> secrets = new ConcurrentHashMap<>();
        final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        final AtomicInteger badSignatures = new AtomicInteger();
        private final HttpServer server;

        LocalReceiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String secret = secrets.get(path);
                    if (secret == null) {
                        // the endpoint answered its secret, but the test has not noted it yet (another class's event
                        // arrived first): not ready, so the dispatcher sends it again later
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    if (!signed(secret, body, exchange.getRequestHeaders())) {
                        badSignatures.incrementAndGet();
                        exchange.sendResponseHeaders(401, -1);
                        return;
                    }
                    received.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>())).add(Keycloak.json(body));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
        }

        List<JsonNode> received(String path) {
            List<JsonNode> list = received.getOrDefault("/" + path, List.of());
            synchronized (list) {
                return List.copyOf(list);
            }
        }

        /** The change that published the event, once it has arrived at the path. */
        Optional<JsonNode> published(String path, String event) {
            return received(path).stream()
                    .filter(envelope -> envelope.get("subject").asString().equals(event)
                            && "PUBLISHED".equals(envelope.get("data").get("status").asString()))
                    .findFirst();
        }

        List<String> subjects(String path) {
            return received(path).stream().map(envelope -> envelope.get("subject").asString()).toList();
        }

        /** Standard Webhooks' own verification: the signature with the secret, the timestamp within five minutes. */
        private static boolean signed(String secret, String body, Map<String, List<String>> headers) {
            try {
                new Webhook(secret).verify(body, HttpHeaders.of(headers, (name, value) -> true));
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
