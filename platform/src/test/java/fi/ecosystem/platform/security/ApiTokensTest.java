package fi.ecosystem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class ApiTokensTest {

    static final String ISSUER = "http://localhost:8180/realms/ecosystem";
    final OAuth2TokenValidator<Jwt> validator = ApiTokens.validator(ISSUER, Duration.ofSeconds(5), "ecosystem-api",
            List.of("gateway", "helsinki-bi", "uusimaa-reporting"));

    @Test
    void aTokenOfTheGatewayOrAnIntegratorMadeForTheApiIsAccepted() {
        assertThat(validate(token(claims -> { }))).matches(result -> !result.hasErrors());
        assertThat(validate(token(claims -> claims.claim("azp", "helsinki-bi")
                .audience(List.of("ecosystem-api", "account"))))).matches(result -> !result.hasErrors());
    }

    @Test
    void aTokenOfAnotherClientOfTheRealmIsRefused() {
        assertThat(validate(token(claims -> claims.claim("azp", "admin-cli")))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validate(token(claims -> claims.claim("azp", "account")))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validate(token(claims -> claims.claims(all -> all.remove("azp"))))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validate(token(claims -> claims.claim("azp", List.of("gateway"))))).matches(OAuth2TokenValidatorResult::hasErrors);
    }

    @Test
    void aTokenNotMadeForTheApiIsRefusedEvenFromARegisteredClient() {
        assertThat(validate(token(claims -> claims.audience(List.of("account"))))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validate(token(claims -> claims.claims(all -> all.remove("aud"))))).matches(OAuth2TokenValidatorResult::hasErrors);
    }

    /** Keycloak's lightweight access token: issuer, expiry, azp, scope, but no audience, subject or roles. */
    @Test
    void aLightweightAccessTokenIsRefused() {
        Jwt lightweight = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).claim("azp", "gateway")
                .claim("typ", "Bearer").claim("scope", "openid").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .build();
        assertThat(validate(lightweight)).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validate(token(claims -> claims.claims(all -> all.remove("sub"))))).matches(OAuth2TokenValidatorResult::hasErrors);
    }

    @Test
    void anExpiredTokenOrOneOfAnotherIssuerIsRefused() {
        assertThat(validate(token(claims -> claims.issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(60))))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validate(token(claims -> claims.issuer("http://localhost:8180/realms/espoo"))))
                .matches(OAuth2TokenValidatorResult::hasErrors);
    }

    private OAuth2TokenValidatorResult validate(Jwt jwt) {
        return validator.validate(jwt);
    }

    /** A user's token relayed by the gateway, changed by {@code change}. */
    private static Jwt token(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("user-1")
                .audience(List.of("ecosystem-api")).claim("azp", "gateway").claim("typ", "Bearer")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        change.accept(builder);
        return builder.build();
    }
}
