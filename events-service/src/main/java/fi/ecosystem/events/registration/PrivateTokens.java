package fi.ecosystem.events.registration;

import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random tokens for participants' private links: not guessable, not derived from anything. */
final class PrivateTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
