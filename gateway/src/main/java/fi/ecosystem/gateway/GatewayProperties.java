package fi.ecosystem.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway ({@code ecosystem.gateway.*}).
 *
 * @param keycloakUrl       Keycloak as the gateway reaches it (token, keys, user info)
 * @param keycloakPublicUrl Keycloak as browsers reach it (login redirects, logout)
 * @param realm             the realm whose tokens are trusted
 * @param clientId          the gateway's own client (authorization code + PKCE)
 * @param clientSecret      its secret
 * @param clockSkew         tolerance for token expiry
 * @param cities            the cities offered on the sign-in page; a city joining is a Keycloak change plus
 *                          an entry here (configuration, not code)
 * @param publicRateLimit   the limit of reads of {@code /public/**} per client address
 * @param publicWriteRateLimit the limit of public writes (JSON API and web forms alike) per client address
 * @param trustedProxies    how many reverse proxies in front of the gateway append to X-Forwarded-For
 * @param apiAudience       the audience every bearer token must carry (as the services require)
 * @param apiClients        the clients whose tokens are API tokens ({@code azp}): the gateway and the integrators
 */
@ConfigurationProperties("ecosystem.gateway")
public record GatewayProperties(
        String keycloakUrl,
        String keycloakPublicUrl,
        String realm,
        String clientId,
        String clientSecret,
        Duration clockSkew,
        List<City> cities,
        RateLimit publicRateLimit,
        RateLimit publicWriteRateLimit,
        int trustedProxies,
        String apiAudience,
        List<String> apiClients) {

    public GatewayProperties {
        cities = cities == null ? List.of() : List.copyOf(cities);
        apiClients = apiClients == null ? List.of() : List.copyOf(apiClients);
    }

    public String issuer() {
        return keycloakPublicUrl + "/realms/" + realm;
    }

    public String internalRealmUrl() {
        return keycloakUrl + "/realms/" + realm;
    }

    /**
     * @param alias       the Keycloak organization alias
     * @param name        shown on the sign-in page
     * @param identityProvider alias of the city's own brokered identity provider, if it has one
     */
    public record City(String alias, String name, String identityProvider) {
    }

    /**
     * @param requests requests a client address may make per window
     * @param window   the length of a counting window
     */
    public record RateLimit(int requests, Duration window) {
    }
}
