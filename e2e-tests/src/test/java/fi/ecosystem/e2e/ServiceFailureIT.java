package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A service dies in the middle of traffic: events-service is killed (kill -9, through the launcher's test
 * controls) while an integrator keeps registering people and reading the event through the gateway. While it
 * is down the gateway answers 503 problem+json with Retry-After — never a 500 — the stack starts the service
 * again by itself, and every registration that was answered 201 is there afterwards. With the web UI killed, the
 * gateway's own 503 page stands in for the UI's pages and passes axe-core (WCAG 2.1 A and AA) in a real Chromium.
 */
// alone, not beside other classes (junit-platform.properties): it kills events-service and the web UI
@Isolated
@ExtendWith(Stack.class)
class ServiceFailureIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The loop's bounds: requests and time. */
    private static final int MAX_ROUNDS = 2_000;
    private static final Duration MAX_TIME = Duration.ofMinutes(4);

    @Test
    void withTheWebUiKilledTheGatewaysOwn503PageIsShownAndHasNoWcagViolation() throws Exception {
        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            kill("web");
            // the gateway's own page (no template of the web UI) where the UI's event list was
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                driver.get(Stack.GATEWAY + "/events");
                return driver.findElements(By.cssSelector("meta[name=template]")).isEmpty()
                        && !driver.findElements(By.tagName("h1")).isEmpty();
            });
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as("the gateway's 503 page").isNotBlank();
            chromium.axe("gateway: the web UI not answering");
        } finally {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    HTTP.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/events")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    @Test
    void aKilledServiceGives503sNot500sIsRestartedByTheStackAndLosesNoAcknowledgedRegistration() throws Exception {
        String event = MessagingIT.eventIn(MessagingIT.PROJECT, 5_000);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", MessagingIT.integrator(), "").statusCode())
                .isEqualTo(200);
        long pidBefore = service("events-service").get("pid").asLong();
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<String> acknowledged = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrongUnavailable = new ArrayList<>();
        boolean killed = false;
        int unavailable = 0;
        int acknowledgedAfterRestart = 0;
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        for (int round = 0; round < MAX_ROUNDS && System.nanoTime() < deadline && acknowledgedAfterRestart < 5; round++) {
            String email = "kestava." + run + "." + round + "@example.org";
            HttpResponse<String> registered = Api.post(Stack.GATEWAY + "/api/events/" + event + "/registrations",
                    MessagingIT.integrator(), "{\"email\": \"" + email + "\", \"firstName\": \"Kesto\", \"lastName\": \"Kokeilija\"}");
            HttpResponse<String> read = Api.get(Stack.GATEWAY + "/api/events/" + event, MessagingIT.integrator());
            for (HttpResponse<String> response : List.of(registered, read)) {
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 503) {
                    unavailable++;
                    if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || response.headers().firstValue("Retry-After").isEmpty()
                            || !response.body().contains("\"service-unavailable\"")) {
                        wrongUnavailable.add(response.headers().map() + " " + response.body());
                    }
                }
            }
            if (registered.statusCode() == 201) {
                acknowledged.add(email);
                if (killed && unavailable > 0) {
                    acknowledgedAfterRestart++;
                }
            }
            if (registered.statusCode() == 503) {
                Thread.sleep(250); // pacing only, as a client honouring Retry-After would; the loop's bounds decide
            }
            if (!killed && acknowledged.size() >= 10) {
                kill("events-service");
                killed = true;
            }
        }

        assertThat(killed).as("the service was killed during the traffic").isTrue();
        assertThat(statuses).as("statuses seen: only answers, unavailability (503) — never 500, 502 or 504")
                .containsKeys(201, 200, 503);
        assertThat(statuses.keySet()).as("statuses seen " + statuses).containsOnly(200, 201, 503);
        assertThat(wrongUnavailable).as("every 503 is problem+json with Retry-After").isEmpty();
        assertThat(acknowledgedAfterRestart).as("registrations answered again after the restart").isEqualTo(5);

        // the stack noticed, said so and started it again
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode status = service("events-service");
            return "healthy".equals(status.get("state").asString()) && status.get("restarts").asInt() >= 1;
        });
        JsonNode status = service("events-service");
        assertThat(status.get("pid").asLong()).isNotEqualTo(pidBefore);
        assertThat(status.get("lastExit").get("code").asInt()).isEqualTo(137);
        assertThat(Api.get(Stack.SERVICES.get("events-service") + "/actuator/health", null).body()).contains("\"UP\"");

        // nothing acknowledged was lost
        HttpResponse<String> stored = Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations/export.csv",
                MessagingIT.integrator());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(15);
        for (String email : acknowledged) {
            assertThat(stored.body()).as("acknowledged registration " + email).contains(email);
        }
    }

    static JsonNode service(String name) throws Exception {
        JsonNode stack = Keycloak.json(HTTP.send(HttpRequest.newBuilder(URI.create(Stack.CONSOLE + "/stack")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode component : stack.get("components")) {
            if (name.equals(component.get("name").asString())) {
                return component;
            }
        }
        throw new IllegalStateException("no " + name + " in " + stack);
    }

    static void kill(String name) throws Exception {
        HttpResponse<String> killed = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.CONSOLE + "/stack/services/" + name + "/kill"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
    }
}
