package fi.ecosystem.platform.privacy;

import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.PersonalData;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the personal fields of an event payload (see {@link PersonalData}) with the data subject's key,
 * and opens them again for consumers. AES-256-GCM, a fresh 96-bit IV per event, the event id as
 * associated data (a sealed part cannot be moved to another event). The key id in the envelope is the
 * keyed hash of the person's e-mail ({@link EmailHash}) or {@code contact:<id>}.
 */
public class PersonalDataSeal {

    static final String ALGORITHM = "AES-256-GCM";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final PersonalDataKeys keys;
    private final EmailHash emailHash;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataSeal(PersonalDataKeys keys, EmailHash emailHash, JsonMapper json) {
        this.keys = keys;
        this.emailHash = emailHash;
        this.json = json;
    }

    /** A payload opened by a consumer; {@code erased} when the key is gone and the personal fields with it. */
    public record Opened(Map<String, Object> data, boolean erased) {
    }

    /** The payload with its personal fields sealed; as it is when its type has none or it names nobody. */
    public Map<String, Object> seal(String eventId, String type, Map<String, Object> data) {
        Optional<PersonalData.Rule> found = PersonalData.of(type);
        if (found.isEmpty() || data.containsKey(PersonalData.SEALED)) {
            return data;
        }
        PersonalData.Rule rule = found.get();
        if (rule.eachElement()) {
            return sealEach(eventId, rule, data);
        }
        String subject = keyId(rule.subject().apply(data));
        Map<String, Object> personal = new LinkedHashMap<>();
        for (String field : rule.fields()) {
            if (data.get(field) != null) {
                personal.put(field, data.get(field));
            }
        }
        if (subject == null || personal.isEmpty()) {
            return data;
        }
        Map<String, Object> sealed = new LinkedHashMap<>(data);
        rule.fields().forEach(sealed::remove);
        sealed.put(PersonalData.SEALED, sealed(eventId, subject, personal));
        return sealed;
    }

    /** Each person in the lists of people, sealed with their own key, in their place. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> sealEach(String eventId, PersonalData.Rule rule, Map<String, Object> data) {
        Map<String, Object> sealed = new LinkedHashMap<>(data);
        for (String field : rule.fields()) {
            if (data.get(field) instanceof List<?> people && !people.isEmpty()) {
                List<Object> each = new ArrayList<>();
                for (Object person : people) {
                    String subject = person instanceof Map<?, ?> map ? keyId(rule.subject().apply((Map<String, Object>) map)) : null;
                    each.add(subject == null ? person : Map.of(PersonalData.SEALED, sealed(eventId, subject, person)));
                }
                sealed.put(field, each);
            }
        }
        return sealed.equals(data) ? data : sealed;
    }

    private String keyId(PersonalData.Subject subject) {
        return subject == null ? null : subject.keyId(emailHash);
    }

    private Map<String, Object> sealed(String eventId, String subject, Object plain) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, keys.keyFor(subject), iv, eventId, json.writeValueAsBytes(plain));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("subject", subject);
        envelope.put("alg", ALGORITHM);
        envelope.put("iv", Base64.getEncoder().encodeToString(iv));
        envelope.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        return envelope;
    }

    /** A payload as it travelled, with the id of its event (the associated data of its sealed parts). */
    public record Sealed(String eventId, Map<String, Object> data) {
    }

    /**
     * The payload with its sealed fields back in place. Without the key (the person was erased) the payload
     * comes without them — a list of people without that person. A sealed part that does not open with the
     * key was tampered with: an error.
     */
    public Opened open(String eventId, Map<String, Object> data) {
        return open(eventId, data, keys::existing);
    }

    /**
     * The payloads opened as {@link #open} does, in their order, with one read of the keys of everyone they name
     * instead of one per person. A part that does not open fails them all.
     */
    public List<Opened> openAll(List<Sealed> payloads) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Sealed payload : payloads) {
            payload.data().forEach((field, value) -> {
                if (value instanceof List<?> list) {
                    list.stream().filter(PersonalDataSeal::isSealed).forEach(element -> subjects.add(subjectOf(
                            payload.eventId(), ((Map<?, ?>) element).get(PersonalData.SEALED))));
                }
            });
            if (payload.data().get(PersonalData.SEALED) != null) {
                subjects.add(subjectOf(payload.eventId(), payload.data().get(PersonalData.SEALED)));
            }
        }
        Map<String, SecretKey> found = subjects.isEmpty() ? Map.of() : keys.existing(subjects);
        List<Opened> opened = new ArrayList<>(payloads.size());
        for (Sealed payload : payloads) {
            opened.add(open(payload.eventId(), payload.data(), subject -> Optional.ofNullable(found.get(subject))));
        }
        return opened;
    }

    private Opened open(String eventId, Map<String, Object> data, Function<String, Optional<SecretKey>> keyOf) {
        boolean erased = false;
        Map<String, Object> opened = new LinkedHashMap<>(data);
        for (Map.Entry<String, Object> field : data.entrySet()) {
            if (field.getValue() instanceof List<?> list && list.stream().anyMatch(PersonalDataSeal::isSealed)) {
                List<Object> people = new ArrayList<>();
                for (Object element : list) {
                    if (!isSealed(element)) {
                        people.add(element);
                        continue;
                    }
                    Optional<byte[]> plain = plain(eventId, ((Map<?, ?>) element).get(PersonalData.SEALED), keyOf);
                    plain.ifPresent(bytes -> people.add(json.readValue(bytes, MAP)));
                    erased |= plain.isEmpty();
                }
                opened.put(field.getKey(), people);
            }
        }
        if (data.get(PersonalData.SEALED) != null) {
            opened.remove(PersonalData.SEALED);
            Optional<byte[]> plain = plain(eventId, data.get(PersonalData.SEALED), keyOf);
            plain.ifPresent(bytes -> opened.putAll(json.readValue(bytes, MAP)));
            erased |= plain.isEmpty();
        }
        return new Opened(opened.equals(data) ? data : opened, erased);
    }

    private static boolean isSealed(Object element) {
        return element instanceof Map<?, ?> map && map.size() == 1 && map.get(PersonalData.SEALED) instanceof Map<?, ?>;
    }

    private static String subjectOf(String eventId, Object part) {
        if (!(part instanceof Map<?, ?> sealed)) {
            throw new IllegalArgumentException("A sealed part of event " + eventId + " is not an object");
        }
        return String.valueOf(sealed.get("subject"));
    }

    /** The plaintext of a sealed part, or nothing when its key is gone. */
    private Optional<byte[]> plain(String eventId, Object part, Function<String, Optional<SecretKey>> keyOf) {
        Optional<SecretKey> key = keyOf.apply(subjectOf(eventId, part));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> sealed = (Map<?, ?>) part;
        if (!ALGORITHM.equals(sealed.get("alg"))) {
            throw new IllegalArgumentException("Unknown sealing algorithm " + sealed.get("alg"));
        }
        return Optional.of(crypt(Cipher.DECRYPT_MODE, key.get(), Base64.getDecoder().decode(String.valueOf(sealed.get("iv"))),
                eventId, Base64.getDecoder().decode(String.valueOf(sealed.get("ciphertext")))));
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String eventId, byte[] input) {
        try {
            return AesGcm.crypt(mode, key, iv, eventId, input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Personal data of event " + eventId + " cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened") + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
