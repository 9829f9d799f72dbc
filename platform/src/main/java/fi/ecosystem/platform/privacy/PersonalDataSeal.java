package fi.ecosystem.platform.privacy;

import fi.ecosystem.contracts.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the personal fields of an event payload (see {@link PersonalData}) with the data subject's key,
 * and opens them again for consumers. AES-256-GCM, a fresh 96-bit IV per event, the event id as
 * associated data (a sealed part cannot be moved to another event).
 */
public class PersonalDataSeal {

    static final String ALGORITHM = "AES-256-GCM";
    private static final int TAG_BITS = 128;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final PersonalDataKeys keys;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataSeal(PersonalDataKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** A payload opened by a consumer; {@code erased} when the key is gone and the personal fields with it. */
    public record Opened(Map<String, Object> data, boolean erased) {
    }

    /** The payload with its personal fields sealed; as it is when its type has none or it names nobody. */
    public Map<String, Object> seal(String eventId, String type, Map<String, Object> data) {
        Optional<PersonalData.Rule> rule = PersonalData.of(type);
        if (rule.isEmpty() || data.containsKey(PersonalData.SEALED)) {
            return data;
        }
        String subject = rule.get().subject().apply(data);
        Map<String, Object> personal = new LinkedHashMap<>();
        for (String field : rule.get().fields()) {
            if (data.get(field) != null) {
                personal.put(field, data.get(field));
            }
        }
        if (subject == null || personal.isEmpty()) {
            return data;
        }
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, keys.keyFor(subject), iv, eventId,
                json.writeValueAsBytes(personal));
        Map<String, Object> sealed = new LinkedHashMap<>(data);
        rule.get().fields().forEach(sealed::remove);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("subject", subject);
        envelope.put("alg", ALGORITHM);
        envelope.put("iv", Base64.getEncoder().encodeToString(iv));
        envelope.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        sealed.put(PersonalData.SEALED, envelope);
        return sealed;
    }

    /**
     * The payload with its sealed fields back in place. Without the key (the person was erased) the payload
     * comes without them. A sealed part that does not open with the key was tampered with: an error.
     */
    public Opened open(String eventId, Map<String, Object> data) {
        if (!(data.get(PersonalData.SEALED) instanceof Map<?, ?> sealed)) {
            return new Opened(data, false);
        }
        Map<String, Object> opened = new LinkedHashMap<>(data);
        opened.remove(PersonalData.SEALED);
        Optional<SecretKey> key = keys.existing(String.valueOf(sealed.get("subject")));
        if (key.isEmpty()) {
            return new Opened(opened, true);
        }
        if (!ALGORITHM.equals(sealed.get("alg"))) {
            throw new IllegalArgumentException("Unknown sealing algorithm " + sealed.get("alg"));
        }
        byte[] plain = crypt(Cipher.DECRYPT_MODE, key.get(), Base64.getDecoder().decode(String.valueOf(sealed.get("iv"))),
                eventId, Base64.getDecoder().decode(String.valueOf(sealed.get("ciphertext"))));
        opened.putAll(json.readValue(plain, MAP));
        return new Opened(opened, false);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String eventId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(eventId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Personal data of event " + eventId + " cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened") + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
