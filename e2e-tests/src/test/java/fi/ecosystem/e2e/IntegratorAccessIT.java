package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integrators with client credentials, and the tokens that must be refused — at the gateway and at every
 * service directly, since each service enforces the access rule itself.
 */
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
        Keycloak.ensureServiceClient("ecosystem", "e2e-short-lived", "e2e-short-lived-secret", 1);
        String token = Keycloak.clientCredentials("ecosystem", "e2e-short-lived", "e2e-short-lived-secret");
        // valid for now: authenticated, but without a city or scope it may read nothing
        assertThat(Api.get(Stack.GATEWAY + "/api/projects", token).statusCode()).isEqualTo(403);

        Thread.sleep(8_000); // 1 s lifetime + the 5 s clock skew the platform tolerates

        assertRefusedEverywhere(token);
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
