package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bots filling events: a script posting the public registration form from one address gets 429 with
 * Retry-After, whatever the path looks like, while a person registering from another address does not.
 * The stack runs as behind one proxy (Stack: TRUSTED_PROXIES=1), so each test is its own client address in
 * X-Forwarded-For (documentation ranges) and the other tests' budget stays untouched.
 */
@ExtendWith(Stack.class)
class PublicWriteLimitIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static String event;

    @BeforeAll
    static void publishedEvent() throws Exception {
        event = MessagingIT.eventIn(MessagingIT.PROJECT, 100);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", MessagingIT.integrator(), "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void fiveHundredFormPostsFromOneAddressAreThrottled() throws Exception {
        int passed = 0;
        int limited = 0;
        long limit = -1;
        for (int i = 0; i < 500; i++) {
            // an incomplete form: the page answers with its errors and nothing is registered
            HttpResponse<String> response = formPost("/events/" + event + "/register", "198.51.100.17", "firstName=Bot" + i);
            limit = response.headers().firstValueAsLong("X-RateLimit-Limit").orElse(limit);
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValueAsLong("Retry-After").orElse(-1)).isBetween(1L, 3600L);
            } else {
                passed++;
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        }
        assertThat(limit).as("the write budget per window").isBetween(1L, 100L);
        // fixed windows: a burst that straddles a window boundary may get up to twice the budget through
        assertThat(passed).isBetween((int) limit, (int) (2 * limit));
        assertThat(limited).isEqualTo(500 - passed).isGreaterThanOrEqualTo(500 - (int) (2 * limit));
    }

    @Test
    void aThrottledBrowserFormGetsAPageInItsLanguageAndScriptsGetProblemJson() throws Exception {
        exhaust("198.51.100.18");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/events/" + event + "/register"))
                .header("X-Forwarded-For", "198.51.100.18").header("Accept", "text/html,application/xhtml+xml")
                .header("Cookie", "lang=en").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("firstName=Bot")));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("lang=\"en\"", "Too many attempts");

        HttpResponse<String> problem = formPost("/public/events/" + event + "/registrations", "198.51.100.18", "{}");
        assertThat(problem.statusCode()).isEqualTo(429);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(Keycloak.json(problem.body()).get("code").asString()).isEqualTo("rate-limited");
        assertThat(problem.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void encodedPathVariantsThatRouteCountAgainstTheSameBudget() throws Exception {
        List<String> variants = List.of(
                "/%70ublic/events/" + event + "/registrations",
                "/%65vents/" + event + "/register",
                "/events/" + event + "/%72egister",
                "/public/events/" + event + "/%72egistrations");
        int limited = 0;
        int passed = 0;
        long limit = -1;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = formPost(variants.get(i % variants.size()), "198.51.100.19", "firstName=Bot");
            limit = response.headers().firstValueAsLong("X-RateLimit-Limit").orElse(limit);
            if (response.statusCode() == 429) {
                limited++;
            } else {
                passed++;
            }
        }
        assertThat(limit).isBetween(1L, 100L);
        assertThat(passed).as("variants that got through before the limit").isBetween((int) limit, (int) (2 * limit));
        assertThat(limited).as("variants refused").isEqualTo(200 - passed).isPositive();
        // a case variant does not route anywhere, and is counted all the same
        assertThat(formPost("/Events/" + event + "/register", "198.51.100.19", "firstName=Bot").statusCode()).isEqualTo(429);
    }

    @Test
    void anIpv6NetworkCountsAsOneClient() throws Exception {
        exhaust("2001:db8:e2e:1::1");
        assertThat(formPost("/events/" + event + "/register", "2001:db8:e2e:1:ffff::2", "firstName=Bot").statusCode()).isEqualTo(429);
        assertThat(formPost("/events/" + event + "/register", "2001:db8:e2e:2::1", "firstName=Bot").statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonRegisteringNormallyIsNotThrottledAndIsRegistered() throws Exception {
        exhaust("198.51.100.20"); // a bot elsewhere does not hold anyone else back
        String email = "kohtuullinen." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> registered = formPost("/events/" + event + "/register", "198.51.100.21",
                "firstName=Kaisa&lastName=Kohtuullinen&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));

        // the private page (302) or, where the registrant gets the link by mail only, the neutral answer (200)
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 302);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations",
                MessagingIT.integrator()).body().contains(email));
    }

    /** Spends the write budget of {@code client}: posts until the gateway answers 429. */
    private static void exhaust(String client) throws Exception {
        for (int i = 0; i < 250; i++) {
            if (formPost("/events/" + event + "/register", client, "firstName=Bot").statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError(client + " was never throttled");
    }

    static HttpResponse<String> formPost(String rawPath, String client, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + rawPath)).header("X-Forwarded-For", client)
                .header("Content-Type", rawPath.contains("ublic") ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
