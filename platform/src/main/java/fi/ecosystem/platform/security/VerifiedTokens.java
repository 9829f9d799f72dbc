package fi.ecosystem.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token's signature is checked once, not on every request: an RSA verification cost about a quarter of
 * the CPU of a small API read. The decoder remembers the tokens it verified (the exact token text, so a
 * token that differs by one character is verified anew); each use still validates the claims again, so a
 * token stops working when it expires even while remembered. Tokens that fail are never remembered.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS).expireAfterWrite(REMEMBERED_FOR).build();

    /**
     * @param verifier checks the signature and the claims (a {@code NimbusJwtDecoder} with its validator)
     * @param claims the same validator, run again on every use of a remembered token
     */
    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims) {
        this.verifier = verifier;
        this.claims = claims;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = claims.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return remembered;
    }
}
