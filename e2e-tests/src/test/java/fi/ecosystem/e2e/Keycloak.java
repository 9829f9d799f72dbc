package fi.ecosystem.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens from the real Keycloak, and the admin API for the clients some tests need. */
public final class Keycloak {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Keycloak() {
    }

    public static String clientCredentials(String realm, String clientId, String secret) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=" + secret))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + clientId + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /**
     * Creates (once) a confidential service-account client, e.g. in a realm that the platform does not
     * trust, or one whose tokens live only a few seconds.
     */
    public static void ensureServiceClient(String realm, String clientId, String secret, int tokenLifespanSeconds) throws Exception {
        String admin = adminToken();
        String body = """
                {"clientId": "%s", "secret": "%s", "publicClient": false, "serviceAccountsEnabled": true,
                 "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
                 "attributes": {"access.token.lifespan": "%d"}}
                """.formatted(clientId, secret, tokenLifespanSeconds);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/admin/realms/" + realm + "/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Could not create client " + clientId + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
