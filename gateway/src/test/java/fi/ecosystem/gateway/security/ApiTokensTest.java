package fi.ecosystem.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.gateway.GatewayProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** The gateway refuses the bearer tokens every service refuses. */
class ApiTokensTest {

    static final GatewayProperties GATEWAY = new GatewayProperties("http://keycloak:8180", "http://localhost:8180", "ecosystem",
            "gateway", "secret", Duration.ofSeconds(5), List.of(), null, null, 0, "ecosystem-api",
            List.of("gateway", "helsinki-bi", "uusimaa-reporting"));
    final OAuth2TokenValidator<Jwt> validator = GatewaySecurity.apiTokens(GATEWAY);

    @Test
    void tokensOfTheGatewayAndOfIntegratorsMadeForTheApiAreAccepted() {
        assertThat(validator.validate(token(claims -> { }))).matches(result -> !result.hasErrors());
        assertThat(validator.validate(token(claims -> claims.claim("azp", "uusimaa-reporting")))).matches(result -> !result.hasErrors());
    }

    @Test
    void tokensOfOtherClientsWithoutTheAudienceOrLightweightAreRefused() {
        assertThat(validator.validate(token(claims -> claims.claim("azp", "admin-cli")))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validator.validate(token(claims -> claims.audience(List.of("account"))))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validator.validate(token(claims -> claims.claims(all -> {
            all.remove("aud");
            all.remove("sub");
        })))).matches(OAuth2TokenValidatorResult::hasErrors);
        assertThat(validator.validate(token(claims -> claims.issuer("http://localhost:8180/realms/espoo"))))
                .matches(OAuth2TokenValidatorResult::hasErrors);
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(GATEWAY.issuer()).subject("user-1")
                .audience(List.of("ecosystem-api")).claim("azp", "helsinki-bi")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        change.accept(builder);
        return builder.build();
    }
}
