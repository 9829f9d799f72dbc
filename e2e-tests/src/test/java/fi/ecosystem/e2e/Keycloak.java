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

    /** A user's token from a client with direct access grants (e.g. the built-in {@code admin-cli}). */
    public static String password(String realm, String clientId, String username, String password) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + clientId
                        + "&username=" + username + "&password=" + password))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + " at " + clientId + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** The claims of a token, read without checking it (what the test itself was given). */
    public static JsonNode claims(String token) {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /**
     * Creates (once) a confidential service-account client, e.g. in a realm that the platform does not
     * trust, or one whose tokens live only a few seconds.
     */
    public static void ensureServiceClient(String realm, String clientId, String secret, int tokenLifespanSeconds) throws Exception {
        ensureServiceClient(realm, clientId, secret, tokenLifespanSeconds, null);
    }

    /** As above; with {@code audience}, its tokens carry that audience (Keycloak's audience mapper). */
    public static void ensureServiceClient(String realm, String clientId, String secret, int tokenLifespanSeconds,
            String audience) throws Exception {
        String admin = adminToken();
        String mappers = audience == null ? "[]" : """
                [{"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                  "config": {"included.custom.audience": "%s", "access.token.claim": "true"}}]""".formatted(audience);
        String body = """
                {"clientId": "%s", "secret": "%s", "publicClient": false, "serviceAccountsEnabled": true,
                 "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
                 "attributes": {"access.token.lifespan": "%d"}, "protocolMappers": %s}
                """.formatted(clientId, secret, tokenLifespanSeconds, mappers);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/admin/realms/" + realm + "/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Could not create client " + clientId + ": " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Creates (once) a user who is a member of a city's organization and has no realm role: what every account of
     * a brokered city identity provider becomes. Password login at the ecosystem realm.
     */
    public static void ensureMember(String realm, String organization, String username, String password) throws Exception {
        String admin = adminToken();
        String user = """
                {"username": "%s", "enabled": true, "email": "%s@%s.example.org", "emailVerified": true,
                 "firstName": "Jäsen", "lastName": "Ilman roolia",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username, organization, password);
        HttpResponse<String> created = adminCall(admin, "POST", "/admin/realms/" + realm + "/users", user);
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Could not create user " + username + ": " + created.statusCode() + " " + created.body());
        }
        String userId = JSON.readTree(adminCall(admin, "GET", "/admin/realms/" + realm + "/users?exact=true&username=" + username, null)
                .body()).get(0).get("id").asString();
        String organizationId = null;
        for (JsonNode found : JSON.readTree(adminCall(admin, "GET", "/admin/realms/" + realm + "/organizations?search=" + organization,
                null).body())) {
            if (organization.equals(found.get("alias").asString())) {
                organizationId = found.get("id").asString();
            }
        }
        HttpResponse<String> member = adminCall(admin, "POST", "/admin/realms/" + realm + "/organizations/" + organizationId + "/members",
                "\"" + userId + "\"");
        if (member.statusCode() != 201 && member.statusCode() != 409) {
            throw new IllegalStateException("Could not add " + username + " to " + organization + ": " + member.statusCode() + " " + member.body());
        }
    }

    private static HttpResponse<String> adminCall(String admin, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.KEYCLOAK + path))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs {@code action} (e.g. fetching a token) while the realm's client {@code clientId} issues tokens that
     * live {@code seconds}, and restores the client as it was.
     */
    public static <T> T withTokenLifespan(String realm, String clientId, int seconds, java.util.concurrent.Callable<T> action)
            throws Exception {
        String admin = adminToken();
        URI clients = URI.create(Stack.KEYCLOAK + "/admin/realms/" + realm + "/clients?clientId=" + clientId);
        String original = JSON.readTree(HTTP.send(HttpRequest.newBuilder(clients).header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0).toString();
        tools.jackson.databind.node.ObjectNode shortLived = (tools.jackson.databind.node.ObjectNode) JSON.readTree(original);
        ((tools.jackson.databind.node.ObjectNode) shortLived.get("attributes")).put("access.token.lifespan", String.valueOf(seconds));
        URI client = URI.create(Stack.KEYCLOAK + "/admin/realms/" + realm + "/clients/" + shortLived.get("id").asString());
        updateClient(client, admin, shortLived.toString());
        try {
            return action.call();
        } finally {
            updateClient(client, admin, original);
        }
    }

    private static void updateClient(URI client, String admin, String representation) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(client).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(representation))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Could not update client " + client + ": " + response.statusCode() + " " + response.body());
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
