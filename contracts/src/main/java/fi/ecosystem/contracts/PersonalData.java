package fi.ecosystem.contracts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * the envelope id. The key id of a person named by e-mail is the keyed hash of the address
 * ({@link EmailHash}), of a contact record {@code contact:<id>}; records sealed before keyed hashes name a
 * plain SHA-256 of the address, and open as long as that legacy key exists. Consumers that cannot open
 * it (the key is gone) see the event without those fields. Lists of people (a project's contact persons)
 * are sealed element by element, each with its own person's key; an erased person's element is then
 * missing from the list.
 */
public final class PersonalData {

    /** The field of {@code data} that carries the sealed fields. */
    public static final String SEALED = "sealed";

    /**
     * Whom a payload is about: a person by e-mail, or a contact record by id.
     * Its key id needs the platform's secret for e-mail hashes, so the producer's seal computes it.
     */
    public record Subject(String email, String contactId) {

        public static Subject byEmail(String email) {
            return new Subject(email, null);
        }

        public static Subject byContact(String contactId) {
            return new Subject(null, contactId);
        }

        public String keyId(EmailHash hash) {
            return email != null ? hash.of(email) : contactKey(contactId);
        }
    }

    /**
     * @param fields      top-level payload fields that hold personal data
     * @param subject     the person the payload is about (null when it names nobody)
     * @param eachElement the fields are lists of people: every element is sealed on its own, with the key of
     *                    the person it names ({@code subject} applied to the element), and stays in its place
     *                    as {@code {"sealed": …}}; an element that names nobody by e-mail stays as it is
     */
    public record Rule(List<String> fields, Function<Map<String, Object>, Subject> subject, boolean eachElement) {
    }

    private static final Rule REGISTRATION = new Rule(List.of("participant"), data ->
            data.get("participant") instanceof Map<?, ?> participant ? byEmail(participant) : null, false);

    /** A contact's name and organisation are sealed with the key of the contact record itself. */
    private static final Rule CONTACT = new Rule(List.of("displayName", "organisationName"), data ->
            data.get("contactId") instanceof String id ? Subject.byContact(id) : null, false);

    /** A project's contact persons, each with their own key. */
    private static final Rule PROJECT = new Rule(List.of("contacts"), PersonalData::byEmail, true);

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
        if (type.equals(fi.ecosystem.contracts.projects.ProjectChanged.TYPE)) {
            return Optional.of(PROJECT);
        }
        return Optional.empty();
    }

    /** The key ids of a person: the keyed hash of their e-mail (registrations) and their contact record. */
    public static List<String> keysOf(String contactId, String emailHash) {
        return keysOf(contactId, emailHash == null ? List.of() : List.of(emailHash));
    }

    /** The key ids of a person known by several addresses (people merged into one), by their keyed hashes. */
    public static List<String> keysOf(String contactId, Collection<String> emailHashes) {
        List<String> keys = new ArrayList<>();
        emailHashes.stream().filter(Objects::nonNull).forEach(keys::add);
        if (contactId != null) {
            keys.add(contactKey(contactId));
        }
        return List.copyOf(keys);
    }

    /**
     * Every key id a person's keys may have, for whoever knows their addresses (contacts-service, which
     * starts every erasure): the keyed hash of each address, its plain SHA-256 (the id of a key made
     * before keyed hashes), and their contact record.
     */
    public static List<String> everyKeyOf(String contactId, Collection<String> emails, EmailHash hash) {
        List<String> keys = new ArrayList<>();
        emails.stream().filter(email -> email != null && !email.isBlank()).forEach(email -> {
            keys.add(hash.of(email));
            keys.add(EmailHash.legacySha256(email));
        });
        return keysOf(contactId, keys);
    }

    private static Subject byEmail(Map<?, ?> person) {
        return person.get("email") instanceof String email && !email.isBlank() ? Subject.byEmail(email) : null;
    }

    public static String contactKey(String contactId) {
        return "contact:" + contactId;
    }
}
