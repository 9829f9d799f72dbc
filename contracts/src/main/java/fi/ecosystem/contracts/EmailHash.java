package fi.ecosystem.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an e-mail address: HMAC-SHA256 (hex) of the trimmed, lower-cased address under a
 * platform secret ({@code PERSONAL_DATA_HASH_KEY}) that every service shares. It names a person wherever
 * the address itself must not appear — the key id of their data on Kafka, {@code contact.erased}, the
 * GDPR endpoints' {@code emailHash} — and, unlike a plain hash, nobody without the secret can find out
 * whose it is by hashing candidate addresses.
 */
public final class EmailHash {

    private static final String HMAC = "HmacSHA256";
    static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec secret;

    public EmailHash(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The e-mail hash key must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), HMAC);
    }

    /** The secret as configured: base64 of at least 32 random bytes. */
    public static EmailHash fromBase64(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("No e-mail hash key is configured (PERSONAL_DATA_HASH_KEY)");
        }
        return new EmailHash(Base64.getDecoder().decode(secret.trim()));
    }

    /** The keyed hash of the address: every service with the same secret computes the same one. */
    public String of(String email) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(normalised(email)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The plain SHA-256 (hex) of the address, as key ids were before keyed hashes: only to find and delete
     * what was stored under such an id then (a legacy data subject key). Never to name anyone anew.
     */
    public static String legacySha256(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised(email)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EmailHash[HMAC-SHA256]";
    }
}
