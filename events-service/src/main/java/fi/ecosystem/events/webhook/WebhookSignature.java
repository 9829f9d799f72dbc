package fi.ecosystem.events.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing as Standard Webhooks (https://www.standardwebhooks.com) defines it: {@code webhook-signature} is
 * {@code v1,<base64 of HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}, keyed with the base64-decoded part
 * of a {@code whsec_} secret. The signing is the spec's own Java library ({@code com.standardwebhooks:standardwebhooks});
 * the spec's test vector guards it ({@code WebhookSignatureTest}).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, as the spec asks (24 to 64), shown to the client once. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the {@code webhook-signature} header. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            return new Webhook(secret).sign(id, timestampSeconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("The delivery " + id + " could not be signed", e);
        }
    }
}
