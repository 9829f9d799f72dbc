package fi.ecosystem.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM with a 128-bit tag and associated data: how personal data is sealed and data subject keys are wrapped. */
final class AesGcm {

    private static final int TAG_BITS = 128;

    private AesGcm() {
    }

    static byte[] crypt(int mode, SecretKey key, byte[] iv, String associatedData, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }
}
