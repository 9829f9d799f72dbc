package fi.ecosystem.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Which access tokens of the realm are API tokens: unexpired, from the trusted issuer, made for the
 * platform's API (audience, added by Keycloak's audience mapper on the gateway and integrator clients)
 * and issued to one of the registered clients ({@code azp}). So a token Keycloak hands to another
 * client of the realm ({@code admin-cli}, {@code account}, a future client) is no API token, and neither
 * is a lightweight access token, which carries neither the audience nor the subject.
 */
public final class ApiTokens {

    private ApiTokens() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Duration clockSkew, String audience,
            Collection<String> clients) {
        Set<String> registered = Set.copyOf(clients);
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<Object>("azp", client -> client instanceof String id && registered.contains(id)),
                new JwtClaimValidator<Object>("sub", subject -> subject instanceof String id && !id.isBlank()));
    }
}
