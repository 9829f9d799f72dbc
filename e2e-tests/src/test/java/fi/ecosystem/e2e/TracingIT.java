package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One public registration is one trace: a person registers on the public event page (the web UI's form,
 * through the gateway) with a W3C trace context the test chose, and the stack's Zipkin holds that trace with
 * spans of the gateway, the web UI, events-service (the request and its outbox publishing to Kafka) and the
 * Kafka consumers of contacts-service and projects-service.
 */
@ExtendWith(Stack.class)
class TracingIT {

    static final String ZIPKIN = "http://localhost:9411";

    @Test
    void aPublicRegistrationThroughTheWebFormIsOneTraceFromTheGatewayToTheConsumers() throws Exception {
        String event = MessagingIT.eventIn(MessagingIT.PROJECT, 100);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", MessagingIT.integrator(), "").statusCode())
                .isEqualTo(200);
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random.generateSeed(8)) + "-01";
        String email = "jaljitetty." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        // a browser: the page first (session and CSRF cookie), then the form with the chosen trace context
        CookieJar cookies = new CookieJar();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/events/" + event))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", cookies.value("XSRF-TOKEN"));
        form.put("firstName", "Jäljitetty");
        form.put("lastName", "Kävijä");
        form.put("email", email);
        form.put("organisationName", "Jälki Oy");
        form.put("website", "");
        HttpResponse<String> registered = browser.send(HttpRequest.newBuilder(
                        URI.create(Stack.GATEWAY + "/events/" + event + "/register"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).contains("/events/" + event + "/received");

        // the event on Kafka carries the request's trace context in its envelope
        TopicProbe.awaitRecord(Stack.KAFKA, Topics.REGISTRATIONS, record -> record.value().contains("00-" + traceId + "-"),
                Duration.ofSeconds(60));

        // every hop reported its spans to the collector, all in the one trace
        Set<String> expected = Set.of("gateway", "web", "events-service", "contacts-service", "projects-service");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode spans = trace(traceId);
            Set<String> services = new HashSet<>();
            Set<String> consumers = new HashSet<>();
            Set<String> producers = new HashSet<>();
            for (JsonNode span : spans) {
                String service = span.get("localEndpoint").get("serviceName").asString();
                services.add(service);
                String kind = span.has("kind") ? span.get("kind").asString() : "";
                if ("CONSUMER".equals(kind)) {
                    consumers.add(service);
                }
                if ("PRODUCER".equals(kind)) {
                    producers.add(service);
                }
            }
            assertThat(services).as("services in trace " + traceId).containsAll(expected);
            assertThat(producers).as("Kafka producers in the trace").contains("events-service");
            assertThat(consumers).as("Kafka consumers in the trace").contains("contacts-service", "projects-service");
        });
        // and it is the trace of this registration, not of something else: the web UI's form post is in it
        assertThat(trace(traceId).toString()).contains("/events/{id}/register");
        // an unknown trace is not there (the collector answers 404), so the finding above is not a default
        String unknown = HexFormat.of().formatHex(random.generateSeed(16));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ZIPKIN + "/api/v2/trace/" + unknown))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> MessagingIT.contactByEmail(email) != null);
    }

    static JsonNode trace(String traceId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ZIPKIN + "/api/v2/trace/" + traceId)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Keycloak.json(response.body());
    }
}
