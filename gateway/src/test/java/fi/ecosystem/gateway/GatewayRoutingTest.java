package fi.ecosystem.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against a stand-in downstream service (the full-stack tests use the real services and
 * Keycloak): who gets through, where browsers are sent, headers, rate limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ecosystem.gateway.public-rate-limit.requests=5", "ecosystem.gateway.public-rate-limit.window=1h",
            "ecosystem.gateway.public-write-rate-limit.requests=" + GatewayRoutingTest.WRITE_LIMIT, "ecosystem.gateway.public-write-rate-limit.window=1h",
            // the tests stand for clients behind one proxy: each test is its own address in X-Forwarded-For
            "ecosystem.gateway.trusted-proxies=1"})
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    static final int WRITE_LIMIT = 10;

    static final HttpServer downstream = startDownstream();

    static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"authorization\":\""
                        + authorization.split(" ")[0] + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/events/token", exchange -> {
                byte[] body = String.valueOf(exchange.getRequestHeaders().getFirst("X-Ecosystem-Csrf-Token")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/events/echo", GatewayRoutingTest::echo);
            server.createContext("/app/echo", GatewayRoutingTest::echo);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with the body it received: shows what the gateway forwarded. */
    static void echo(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        fi.ecosystem.platform.testing.EmbeddedStore.register(registry, "gateway-test");
        String url = "http://127.0.0.1:" + downstream.getAddress().getPort();
        registry.add("PROJECTS_SERVICE_URL", () -> url);
        registry.add("EVENTS_SERVICE_URL", () -> url);
        registry.add("CONTACTS_SERVICE_URL", () -> url);
        registry.add("WEB_URL", () -> url);
    }

    @AfterAll
    static void stopDownstream() {
        downstream.stop(0);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    fi.ecosystem.gateway.session.MongoWebSessions sessions;

    @LocalServerPort
    int port;

    @Autowired
    brave.sampler.Sampler traceSampler;

    @Test
    void theGatewayStartsAtMostTwentyNewTracesASecondByDefault() {
        long kept = java.util.stream.LongStream.rangeClosed(1, 1_000).filter(traceSampler::isSampled).count();
        assertThat(kept).isBetween(1L, 20L);
    }

    @Test
    void anApiCallWithoutCredentialsIsA401Problem() {
        client.get().uri("/api/projects").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMalformedBearerTokenIsA401Problem() {
        client.get().uri("/api/projects").header("Authorization", "Bearer not-a-jwt").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("invalid"));
    }



    @Test
    void staffPagesSendTheBrowserToTheCitySignIn() {
        client.get().uri("/app").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/sign-in");
    }

    @Test
    void theSignInPageOffersTheCitiesInTheChosenLanguage() {
        String page = client.get().uri("/sign-in?lang=sv").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"sv\"", "Välj din stad", "city=espoo", "Kristinestad", "Hyvinkää");
    }

    @Test
    void choosingABrokeredCityGoesStraightToItsIdentityProviderWithPkce() {
        URI location = client.get().uri("/oauth2/authorization/keycloak?city=espoo&lang=fi").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString())
                .startsWith("http://localhost:8180/realms/ecosystem/protocol/openid-connect/auth")
                .contains("kc_idp_hint=espoo-sso", "code_challenge_method=S256", "ui_locales=fi",
                        "scope=openid%20profile%20email%20organization");
    }

    @Test
    void aCityWithoutItsOwnIdentityProviderLogsInWithKeycloakDirectly() {
        URI location = client.get().uri("/oauth2/authorization/keycloak?city=helsinki").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString()).doesNotContain("kc_idp_hint").contains("code_challenge=");
    }

    @Test
    void aSignInCallbackWithoutItsAuthorizationRequestGoesBackToTheCitySignInPageSayingSo() {
        URI location = client.get().uri("/login/oauth2/code/keycloak?code=spent&state=unknown").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString()).isEqualTo("/sign-in?failed");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        client.get().uri("/sign-in").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().exists("Permissions-Policy");
    }

    @Test
    void aBrowserPostWithoutTheCsrfTokenIsRefused() {
        client.post().uri("/app/projects").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("name=x")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aFirstVisitGetsItsTokenIntoThePageAsWellAsTheCookie() {
        var result = client.get().uri("/events/token").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().returnResult(String.class);
        String cookie = result.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        String relayed = result.getResponseBody().blockFirst();
        assertThat(cookie).isNotBlank();
        assertThat(relayed).isEqualTo(cookie);
        // the form rendered with that token is accepted when sent with the cookie the same response set
        // (forms that need the token are a signed-in session's: FormBodyReplay reads no anonymous body)
        client.post().uri("/app/echo").cookie("SESSION", signedInSession()).cookie("XSRF-TOKEN", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=" + relayed + "&firstName=Eeva")
                .exchange().expectStatus().isOk();
    }

    @Test
    void aTokenHeaderSentByTheClientNeverReachesThePage() {
        String relayed = client.get().uri("/events/token").cookie("XSRF-TOKEN", "token-1")
                .header("X-Ecosystem-Csrf-Token", "forged").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(relayed).isEqualTo("token-1");
        String withBearer = client.get().uri("/api/projects").header("X-Ecosystem-Csrf-Token", "forged")
                .header("Authorization", "Bearer not-a-jwt").exchange()
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(withBearer).doesNotContain("forged");
    }

    @Test
    void thePublicRegistrationFormNeedsNoCookieAtAll() {
        client.post().uri("/events/e1/register").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("firstName=Eeva&email=eeva@example.org")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/events/e1/register");
        client.post().uri("/events/registrations/t1/cancel").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("confirm=yes").exchange().expectStatus().isOk();
        // the public API's cancel by private token (any method) needs no session token either
        client.delete().uri("/public/registrations/t1").exchange().expectStatus().isOk();
        // staff forms still need the token
        client.post().uri("/events/e1/edit").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("title=x").exchange().expectStatus().isForbidden();
    }

    @Test
    void aRefusedFormIsAPageInTheUsersLanguageWithAWayBack() {
        String page = client.post().uri("/app/projects").cookie("lang", "sv").accept(MediaType.TEXT_HTML)
                .header("Referer", "http://localhost/app/projects/new?x=1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("name=x")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"sv\"", "Formuläret har gått ut", "href=\"/app/projects/new?x=1\"", "Tillbaka");
        client.post().uri("/app/projects").accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("name=x")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("csrf-token-invalid");
    }

    @Test
    void anAddressNothingServesIsAPageForABrowser() {
        String page = client.get().uri("/webjars/no-such-file?lang=en").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"en\"", "Page not found", "href=\"/\"");
    }

    @Test
    void aSignedInFormPostWithTheTokenInItsFieldReachesThePageWithItsBody() {
        String echoed = client.post().uri("/app/echo").cookie("SESSION", signedInSession()).cookie("XSRF-TOKEN", "token-1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=token-1&firstName=Eeva")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(echoed).contains("firstName=Eeva");
    }

    @Test
    void aSignedInFileUploadWithTheTokenInItsFieldReachesThePageWithTheFile() {
        String session = signedInSession();
        org.springframework.http.client.MultipartBodyBuilder form = new org.springframework.http.client.MultipartBodyBuilder();
        form.part("_csrf", "token-1");
        form.part("file", "email;firstName\ne@example.org;Eino\n".getBytes(StandardCharsets.UTF_8)).filename("people.csv")
                .contentType(MediaType.parseMediaType("text/csv"));
        String echoed = client.post().uri("/app/echo").cookie("SESSION", session).cookie("XSRF-TOKEN", "token-1")
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(echoed).contains("e@example.org;Eino");
        client.post().uri("/app/echo").cookie("SESSION", session).cookie("XSRF-TOKEN", "token-1")
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(
                        new org.springframework.http.client.MultipartBodyBuilder().build()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aSignedInFormOverTheLimitIsRefusedWithoutBeingForwarded() {
        String large = "_csrf=token-1&notes=" + "x".repeat(300 * 1024);
        client.post().uri("/app/echo").cookie("SESSION", signedInSession()).cookie("XSRF-TOKEN", "token-1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(large)
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
        // within the limit the same form goes through
        client.post().uri("/app/echo").cookie("SESSION", signedInSession()).cookie("XSRF-TOKEN", "token-1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=token-1&notes=" + "x".repeat(200 * 1024))
                .exchange().expectStatus().isOk();
    }

    /** A browser session that has signed in, as the login leaves it in the shared store; its SESSION cookie. */
    String signedInSession() {
        var session = sessions.createSession().block();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new org.springframework.security.core.context.SecurityContextImpl(
                new org.springframework.security.authentication.TestingAuthenticationToken("aino.virtanen", null, "ROLE_USER")));
        sessions.save(session).block();
        return session.getId();
    }

    @Test
    void publicEndpointsAreOpenButRateLimitedPerClient() {
        client.get().uri("/public/events/abc").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/public/events/abc");
        for (int i = 1; i < 5; i++) {
            client.get().uri("/public/events").exchange().expectStatus().isOk();
        }
        client.get().uri("/public/events").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aScriptPostingTheRegistrationFormIsThrottledWhateverThePathLooksLike() {
        String[] variants = {"/events/e1/register", "/%65vents/e1/register", "/events/%2e/e1/register",
            "//events/e1/./register", "/events/x/%2E%2E/e1/register", "/%70ublic/events/e1/registrations"};
        for (int i = 0; i < WRITE_LIMIT; i++) {
            formPost(variants[i % variants.length], "203.0.113.10").expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }
        for (String variant : variants) {
            formPost(variant, "203.0.113.10").expectStatus().isEqualTo(429)
                    .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L))
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("rate-limited")
                    .jsonPath("$.type").isEqualTo("https://ecosystem.example.org/problems/rate-limited");
        }
        formPost("/events/e1/register", "203.0.113.11").expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
    }

    @Test
    void aThrottledBrowserFormGetsAPageInItsLanguageWithAWayBack() {
        for (int i = 0; i < WRITE_LIMIT; i++) {
            formPost("/events/e1/register", "203.0.113.20");
        }
        String page = client.post().uri("/events/e1/register").header("X-Forwarded-For", "203.0.113.20")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").cookie("lang", "sv")
                .header("Referer", "http://localhost:" + port + "/events/e1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("firstName=Bot")
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"sv\"", "För många försök", "href=\"/events/e1\"");
    }

    @Test
    void writesHaveTheirOwnBudgetAndAnIpv6NetworkSharesOne() {
        for (int i = 0; i < WRITE_LIMIT; i++) {
            formPost("/events/e1/register", "2001:db8:5:6::" + Integer.toHexString(i + 1)).expectStatus()
                    .value(status -> assertThat(status).isNotEqualTo(429));
        }
        formPost("/events/e1/register", "2001:db8:5:6:ffff::1").expectStatus().isEqualTo(429);
        formPost("/events/e1/register", "2001:db8:5:7::1").expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        client.get().uri("/public/events").header("X-Forwarded-For", "2001:db8:5:6::1").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec formPost(String rawPath, String client) {
        return this.client.post().uri(URI.create("http://localhost:" + port + rawPath)).header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("firstName=Bot").exchange();
    }

    @Test
    void anAnonymousFormThatNeedsTheTokenIsRefusedWithoutReadingItsBody() {
        client.post().uri("/events/echo").cookie("XSRF-TOKEN", "token-1").header("X-Forwarded-For", "203.0.113.30")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=token-1&firstName=Eeva")
                .exchange().expectStatus().isForbidden();
        String echoed = client.post().uri("/events/echo").cookie("XSRF-TOKEN", "token-1").header("X-XSRF-TOKEN", "token-1")
                .header("X-Forwarded-For", "203.0.113.30")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("firstName=Eeva")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(echoed).isEqualTo("firstName=Eeva");
    }

    @Test
    void theGatewayShowsNeitherItsRoutesNorMetricsToAnyoneOnItsPort() {
        String session = signedInSession();
        for (String endpoint : List.of("/actuator/gateway/routes", "/actuator/metrics", "/actuator/prometheus")) {
            client.get().uri(endpoint).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().value(status ->
                    assertThat(status).as(endpoint).isIn(302, 401, 404));
            client.get().uri(endpoint).cookie("SESSION", session).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isNotFound();
        }
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
    }
}
