package fi.ecosystem.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An integrator's API call costs the gateway no store work: no web session is created, loaded or saved and
 * no MongoDB command is sent, also when the client sends a session cookie as well; a token with the
 * same claims but another signature is refused after the first was accepted (VerifiedTokensTest: remembered tokens).
 * A browser's sign-in, by contrast, does store its session: the counted commands are seen when there are some.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BearerRequestsTest {

    static final RSAKey KEY = key();
    /** The commands the gateway sent to the store, as "command collection" (index creation at start-up left out). */
    static final List<String> storeCommands = new CopyOnWriteArrayList<>();
    static final HttpServer keycloakAndService = start();

    static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/ecosystem/protocol/openid-connect/certs", exchange -> {
                answer(exchange, new JWKSet(KEY.toPublicJWK()).toString());
            });
            server.createContext("/api/projects", exchange -> answer(exchange, "{\"id\":\"p1\"}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        fi.ecosystem.platform.testing.EmbeddedStore.register(registry, "gateway-bearer-test");
        String url = "http://127.0.0.1:" + keycloakAndService.getAddress().getPort();
        registry.add("KEYCLOAK_URL", () -> url);
        registry.add("KEYCLOAK_PUBLIC_URL", () -> "http://localhost:8180");
        registry.add("PROJECTS_SERVICE_URL", () -> url);
    }

    @TestConfiguration
    static class CountedStore {
        @Bean
        MongoClientSettingsBuilderCustomizer countCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (!event.getCommandName().equals("createIndexes")) {
                        var target = event.getCommand().get(event.getCommandName());
                        storeCommands.add(event.getCommandName() + " " + (target.isString() ? target.asString().getValue() : target));
                    }
                }
            });
        }
    }

    @AfterAll
    static void stop() {
        keycloakAndService.stop(0);
    }

    @Autowired
    WebTestClient client;


    @BeforeEach
    void startUpWritesDone() {
        // the machine may be busy (shared build agents): a slow answer is no failure here
        client = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        // the session and rate-limit indexes are created asynchronously at start-up; the listener leaves them out
        storeCommands.clear();
    }

    @Test
    void anApiCallWithABearerTokenSendsNoCommandToTheStoreAndMakesNoSession() {
        String token = token(Instant.now().plusSeconds(300));
        for (int i = 0; i < 20; i++) {
            client.get().uri("/api/projects/p1").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("Set-Cookie")
                    .expectBody().jsonPath("$.id").isEqualTo("p1");
        }
        // a client that also sends a session cookie (a browser tool) gets no session loaded or saved either
        client.get().uri("/api/projects/p1").header("Authorization", "Bearer " + token).cookie("SESSION", "some-session")
                .exchange().expectStatus().isOk().expectHeader().doesNotExist("Set-Cookie");

        assertThat(storeCommands).isEmpty();
    }

    @Test
    void aBrowsersSignInStoresItsSessionInTheStore() {
        client.get().uri("/oauth2/authorization/keycloak?city=helsinki").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().exists("Set-Cookie");

        Awaitility.await().untilAsserted(() -> assertThat(storeCommands).anyMatch(command -> command.endsWith("web_sessions")));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenWhenTheSameClaimsWereAccepted() throws Exception {
        Instant expiry = Instant.now().plusSeconds(300);
        client.get().uri("/api/projects/p1").header("Authorization", "Bearer " + token(expiry, KEY, "same-id")).exchange()
                .expectStatus().isOk();

        RSAKey other = new RSAKeyGenerator(2048).keyID("test-key").generate();
        client.get().uri("/api/projects/p1").header("Authorization", "Bearer " + token(expiry, other, "same-id")).exchange()
                .expectStatus().isUnauthorized();
    }

    static String token(Instant expiry) {
        return token(expiry, KEY, java.util.UUID.randomUUID().toString());
    }

    static String token(Instant expiry, RSAKey key, String id) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:8180/realms/ecosystem")
                    .subject("service-account-helsinki-bi").audience("ecosystem-api").claim("azp", "helsinki-bi")
                    .claim("scope", "projects:read").jwtID(id).issueTime(new Date()).expirationTime(Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ObservationRegistry observations;

    /** A request's own span stays; Spring Security's spans per filter and decision are not made (their cost per request). */
    @Test
    void securityFiltersMakeNoSpansOfTheirOwn() {
        Observation request = Observation.start("http.server.requests", observations);
        Observation filters = Observation.start("spring.security.filterchains", observations);
        assertThat(request.isNoop()).isFalse();
        assertThat(filters.isNoop()).isTrue();
        request.stop();
        filters.stop();
    }
}
