package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Integrators with client credentials, and the tokens that must be refused — at the gateway and at every
 * service directly, since each service enforces the access rule itself.
 */
// IntegratorAccessIT shortens this client's token lifespan for a while; WebhooksIT needs its tokens to last
@ResourceLock("keycloak-client-uusimaa-reporting")
@ExtendWith(Stack.class)
class IntegratorAccessIT {

    static final Map<String, String> API_OF_SERVICE = Map.of(
            "projects-service", "/api/projects",
            "contacts-service", "/api/contacts",
            "events-service", "/api/events");

    @Test
    void anIntegratorWithTheReadScopeReadsItsCitysProjectsThroughTheGatewayAndDirectly() throws Exception {
        String token = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");

        HttpResponse<String> viaGateway = Api.get(Stack.GATEWAY + "/api/projects?size=100", token);
        HttpResponse<String> direct = Api.get(Stack.SERVICES.get("projects-service") + "/api/projects?size=100", token);

        assertThat(viaGateway.statusCode()).isEqualTo(200);
        assertThat(LoginPerCityIT.projectIds(viaGateway.body())).contains("kasvun-ekosysteemit").doesNotContain("hri");
        assertThat(direct.body()).isEqualTo(viaGateway.body());
    }

    @Test
    void anIntegratorWithoutTheScopeIsRefused() throws Exception {
        String token = Keycloak.clientCredentials("ecosystem", "uusimaa-reporting", "uusimaa-reporting-local-secret");

        assertThat(Api.get(Stack.GATEWAY + "/api/contacts", token).statusCode()).isEqualTo(403);
        HttpResponse<String> write = Api.post(Stack.GATEWAY + "/api/projects", token, """
                {"acronym": "X", "name": {"fi": "X"}, "startDate": "2026-01-01", "leadCity": "uusimaa", "participatingCities": ["uusimaa"]}
                """);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    @Test
    void aTokenFromARealmThatIsNotTrustedIsRefusedEverywhere() throws Exception {
        Keycloak.ensureServiceClient("espoo", "e2e-foreign", "e2e-foreign-secret", 300);
        String foreign = Keycloak.clientCredentials("espoo", "e2e-foreign", "e2e-foreign-secret");

        assertRefusedEverywhere(foreign);
    }

    @Test
    void anExpiredTokenIsRefusedEverywhere() throws Exception {
        String token = Keycloak.withTokenLifespan("ecosystem", "uusimaa-reporting", 1,
                () -> Keycloak.clientCredentials("ecosystem", "uusimaa-reporting", "uusimaa-reporting-local-secret"));
        // valid for now: an integrator with the read scope reads its city's projects
        assertThat(Api.get(Stack.GATEWAY + "/api/projects", token).statusCode()).isEqualTo(200);

        // 1 s lifetime + the 5 s clock skew the platform tolerates
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertRefusedEverywhere(token));
    }

    /**
     * Tokens Keycloak issues to other clients of the realm are no API tokens: a demo user's token from the
     * built-in {@code admin-cli} (password grant; a lightweight token, without audience or roles), and a
     * service account of a client the platform does not know, even one that asks for the API's audience.
     */
    @Test
    void tokensOfOtherClientsOfTheRealmAreRefusedEverywhereWhileTheGatewayAndIntegratorsWork() throws Exception {
        String adminCli = Keycloak.password("ecosystem", "admin-cli", "aino.virtanen", "demo");
        assertThat(Keycloak.claims(adminCli).has("azp") ? Keycloak.claims(adminCli).get("azp").asString() : "")
                .isNotIn("gateway", "helsinki-bi", "uusimaa-reporting");
        Keycloak.ensureServiceClient("ecosystem", "e2e-unknown-client", "e2e-unknown-client-secret", 300, "ecosystem-api");
        String unknown = Keycloak.clientCredentials("ecosystem", "e2e-unknown-client", "e2e-unknown-client-secret");
        assertThat(Keycloak.claims(unknown).get("aud").toString()).contains("ecosystem-api");

        for (String token : List.of(adminCli, unknown)) {
            assertRefusedEverywhere(token);
            HttpResponse<String> web = Api.get(Stack.SERVICES.get("web") + "/app", token);
            assertThat(web.statusCode()).as("web").isEqualTo(401);
        }

        String integrator = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
        assertThat(Keycloak.claims(integrator).get("aud").toString()).contains("ecosystem-api");
        for (var service : API_OF_SERVICE.entrySet()) {
            assertThat(Api.get(Stack.GATEWAY + service.getValue(), integrator).statusCode()).as("gateway " + service.getValue())
                    .isEqualTo(200);
            assertThat(Api.get(Stack.SERVICES.get(service.getKey()) + service.getValue(), integrator).statusCode())
                    .as(service.getKey()).isEqualTo(200);
        }
        assertThat(Api.get(Stack.SERVICES.get("web") + "/app", integrator).statusCode()).as("web").isNotEqualTo(401);
        // a user signed in through the gateway: the gateway client's token, relayed to the services
        Browser browser = new Browser();
        browser.signIn("helsinki", "aino.virtanen", "demo");
        assertThat(browser.get(Stack.GATEWAY + "/api/projects?size=100").statusCode()).isEqualTo(200);
    }

    @Test
    void callsWithoutATokenAreRefusedEverywhere() throws Exception {
        assertRefusedEverywhere(null);
    }

    private static void assertRefusedEverywhere(String token) throws Exception {
        for (var service : API_OF_SERVICE.entrySet()) {
            HttpResponse<String> viaGateway = Api.get(Stack.GATEWAY + service.getValue(), token);
            HttpResponse<String> direct = Api.get(Stack.SERVICES.get(service.getKey()) + service.getValue(), token);
            assertThat(viaGateway.statusCode()).as("gateway " + service.getValue()).isEqualTo(401);
            assertThat(direct.statusCode()).as(service.getKey()).isEqualTo(401);
            assertThat(direct.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        }
    }
}
