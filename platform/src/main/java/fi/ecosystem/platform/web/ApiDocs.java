package fi.ecosystem.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;

/**
 * The part of every service's OpenAPI document that is the same: how to get a token (Keycloak, client
 * credentials for integrators), the scopes, and that the gateway is the address to call.
 */
public final class ApiDocs {

    private ApiDocs() {
    }

    public static OpenAPI openApi(String title, String issuerUri) {
        Scopes scopes = new Scopes()
                .addString("projects:read", "Read projects").addString("projects:write", "Change projects")
                .addString("contacts:read", "Read people and organisations").addString("contacts:write", "Change them")
                .addString("events:read", "Read events and registrations").addString("events:write", "Change them");
        SecurityScheme keycloak = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm 'ecosystem'. Integrators: client credentials with their client id and "
                        + "secret; the token carries the city (organization claim) and the granted scopes.")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                        .tokenUrl(issuerUri + "/protocol/openid-connect/token").scopes(scopes)));
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description(
                        "Errors are application/problem+json (RFC 9457). Things the caller's city does not take part in answer 404."))
                .servers(List.of(new Server().url("/").description("Through the gateway")))
                .components(new Components().addSecuritySchemes("keycloak", keycloak));
    }
}
