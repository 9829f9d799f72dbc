package fi.ecosystem.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
        properties = {"ecosystem.gateway.public-rate-limit.requests=5", "ecosystem.gateway.public-rate-limit.window=1h"})
@AutoConfigureWebTestClient
class GatewayRoutingTest {

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
            server.createContext("/events/echo", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        client.post().uri("/events/echo").cookie("XSRF-TOKEN", cookie)
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
    void aFormPostWithTheTokenInItsFieldReachesThePageWithItsBody() {
        String echoed = client.post().uri("/events/echo").cookie("XSRF-TOKEN", "token-1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=token-1&firstName=Eeva")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(echoed).contains("firstName=Eeva");
    }

    @Test
    void aFileUploadWithTheTokenInItsFieldReachesThePageWithTheFile() {
        org.springframework.http.client.MultipartBodyBuilder form = new org.springframework.http.client.MultipartBodyBuilder();
        form.part("_csrf", "token-1");
        form.part("file", "email;firstName\ne@example.org;Eino\n".getBytes(StandardCharsets.UTF_8)).filename("people.csv")
                .contentType(MediaType.parseMediaType("text/csv"));
        String echoed = client.post().uri("/events/echo").cookie("XSRF-TOKEN", "token-1")
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(echoed).contains("e@example.org;Eino");
        client.post().uri("/events/echo").cookie("XSRF-TOKEN", "token-1")
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(
                        new org.springframework.http.client.MultipartBodyBuilder().build()))
                .exchange().expectStatus().isForbidden();
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
}
