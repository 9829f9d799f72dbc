package fi.ecosystem.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) that wrap the data subjects' keys: the current one, which wraps every new
 * key, and old ones, kept only to unwrap keys until they are re-wrapped with the current one. They come
 * from configuration (a secret the services share, {@code PERSONAL_DATA_KEK} and {@code PERSONAL_DATA_OLD_KEKS});
 * the database holds only wrapped keys and the id of the KEK that wrapped each.
 *
 * <p>Wrapping is AES-256-GCM (as JWE's {@code A256GCMKW}): a fresh 96-bit IV per wrap and the key id as
 * associated data, so a wrapped key only unwraps under its own id. A KEK's id is derived from it (the first
 * 8 bytes of an HMAC of a fixed label), so rotating means: make the current KEK an old one, set a new one.
 */
public final class KeyEncryptionKeys {

    public static final String ALGORITHM = "A256GCMKW";
    private static final byte[] ID_LABEL = "ecosystem personal-data KEK id".getBytes(StandardCharsets.UTF_8);

    /** A data subject's key wrapped with the KEK {@code kekId}. */
    public record Wrapped(String kekId, byte[] iv, byte[] wrappedKey) {
    }

    private final String currentId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param current base64 of the current 256-bit KEK
     * @param old     base64 of earlier KEKs whose wrapped keys are still to be re-wrapped
     */
    public KeyEncryptionKeys(String current, List<String> old) {
        SecretKey currentKey = decode(current, "PERSONAL_DATA_KEK");
        currentId = idOf(currentKey);
        byId.put(currentId, currentKey);
        for (String each : old) {
            if (each != null && !each.isBlank()) {
                SecretKey key = decode(each, "PERSONAL_DATA_OLD_KEKS");
                byId.putIfAbsent(idOf(key), key);
            }
        }
    }

    public String currentId() {
        return currentId;
    }

    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    public boolean knows(String kekId) {
        return byId.containsKey(kekId);
    }

    /** The key wrapped with the current KEK, bound to its key id. */
    public Wrapped wrap(String keyId, byte[] key) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        return new Wrapped(currentId, iv, crypt(Cipher.ENCRYPT_MODE, byId.get(currentId), iv, keyId, key));
    }

    /** The key as it was wrapped; an error when its KEK is not configured or it was not wrapped for this key id. */
    public byte[] unwrap(String keyId, Wrapped wrapped) {
        SecretKey kek = byId.get(wrapped.kekId());
        if (kek == null) {
            throw new IllegalStateException("The key " + keyId + " is wrapped with KEK " + wrapped.kekId()
                    + ", which is not configured: add it to PERSONAL_DATA_OLD_KEKS");
        }
        return crypt(Cipher.DECRYPT_MODE, kek, wrapped.iv(), keyId, wrapped.wrappedKey());
    }

    private static byte[] crypt(int mode, SecretKey kek, byte[] iv, String keyId, byte[] input) {
        try {
            return AesGcm.crypt(mode, kek, iv, keyId, input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key " + keyId + " cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "wrapped" : "unwrapped") + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static SecretKey decode(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("No key-encryption key is configured (" + setting + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be base64 (of 32 random bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(setting + " must be 256 bits (base64 of 32 bytes), not " + bytes.length * 8);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Names a KEK without revealing anything usable about it. */
    static String idOf(SecretKey kek) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(ID_LABEL), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKeys[current=" + currentId + ", known=" + byId.keySet() + "]";
    }
}
