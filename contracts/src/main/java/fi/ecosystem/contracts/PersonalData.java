package fi.ecosystem.contracts;

import fi.ecosystem.contracts.contacts.ContactErased;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which fields of an event name a person, and whose data they are. These fields never travel in clear:
 * the producer moves them into {@code data.sealed} (AES-256-GCM with the data subject's own key) and
 * consumers open it with the same key. Erasing a person deletes their key, so the records Kafka still
 * retains — on every topic and its dead-letter twin — can never be read again (crypto-shredding).
 *
 * <p>Wire form: {@code "sealed": {"subject": "<key id>", "alg": "AES-256-GCM", "iv": "<base64>",
 * "ciphertext": "<base64>"}}, the plaintext being a JSON object of the sealed fields, authenticated with
 * the envelope id. Consumers that cannot open it (the key is gone) see the event without those fields.
 */
public final class PersonalData {

    /** The field of {@code data} that carries the sealed fields. */
    public static final String SEALED = "sealed";

    /**
     * @param fields  top-level payload fields that hold personal data
     * @param subject the key id of the person the payload is about (null when it names nobody)
     */
    public record Rule(List<String> fields, Function<Map<String, Object>, String> subject) {
    }

    private static final Rule REGISTRATION = new Rule(List.of("participant"), data ->
            data.get("participant") instanceof Map<?, ?> participant && participant.get("email") instanceof String email
                    && !email.isBlank() ? ContactErased.hashOf(email) : null);

    /** A contact's name and organisation are sealed with the key of the contact record itself. */
    private static final Rule CONTACT = new Rule(List.of("displayName", "organisationName"), data ->
            data.get("contactId") instanceof String id ? contactKey(id) : null);

    private PersonalData() {
    }

    /** The rule for an event type, if its payload carries personal data. */
    public static Optional<Rule> of(String type) {
        if (type == null) {
            return Optional.empty();
        }
        if (type.startsWith("registration.")) {
            return Optional.of(REGISTRATION);
        }
        if (type.equals(fi.ecosystem.contracts.contacts.ContactChanged.TYPE)) {
            return Optional.of(CONTACT);
        }
        return Optional.empty();
    }

    /** The key ids of a person: the hash of their e-mail (registrations) and their contact record. */
    public static List<String> keysOf(String contactId, String emailSha256) {
        List<String> keys = new java.util.ArrayList<>();
        if (emailSha256 != null) {
            keys.add(emailSha256);
        }
        if (contactId != null) {
            keys.add(contactKey(contactId));
        }
        return List.copyOf(keys);
    }

    public static String contactKey(String contactId) {
        return "contact:" + contactId;
    }
}
