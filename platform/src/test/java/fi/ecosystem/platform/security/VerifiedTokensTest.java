package fi.ecosystem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token is verified once and remembered; a remembered token is still refused once it expires. */
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    final AtomicInteger verifications = new AtomicInteger();
    final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(5));
    final VerifiedTokens tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return jwt(token);
    }, timestamps);

    VerifiedTokensTest() {
        at(NOW);
    }

    void at(Instant instant) {
        timestamps.setClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    static Jwt jwt(String token) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
    }

    @Test
    void aTokenIsVerifiedOnceThenRemembered() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("good-2");
        assertThat(verifications).as("another token is verified on its own").hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("good-1");
        at(NOW.plusSeconds(60 + 6));

        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).as("refused from memory, by its claims").hasValue(1);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
