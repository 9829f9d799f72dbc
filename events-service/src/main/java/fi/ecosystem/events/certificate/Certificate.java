package fi.ecosystem.events.certificate;

import java.security.SecureRandom;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A certificate of attendance issued to one participant of a completed growth programme. Its id is the
 * verification code printed on the PDF: random, not derived from anything, so only a holder of the certificate
 * can ask the public page about it. One per registration (the unique index); personal data, found by the keyed
 * hash of the participant's address for their export and removed on erasure.
 */
@Document("certificates")
public class Certificate {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base 32: no I, L, O or U, so a code read off paper is typed right. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    @Id
    private String code;
    @Indexed(unique = true)
    private String registrationId;
    @Indexed
    private String eventId;
    @Indexed
    private String emailHash;
    private Instant issuedAt;

    protected Certificate() {
    }

    static Certificate issue(String registrationId, String eventId, String emailHash) {
        Certificate certificate = new Certificate();
        certificate.code = newCode();
        certificate.registrationId = registrationId;
        certificate.eventId = eventId;
        certificate.emailHash = emailHash;
        certificate.issuedAt = Instant.now();
        return certificate;
    }

    /** 100 random bits as 20 characters in groups of four, e.g. {@code 7K3M-Q9RT-…}. */
    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The code as people may type it: any case, with or without the dashes. */
    static String normalised(String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (!compact.matches("[0-9A-Z]{20}")) {
            return null;
        }
        return String.join("-", compact.substring(0, 4), compact.substring(4, 8), compact.substring(8, 12),
                compact.substring(12, 16), compact.substring(16, 20));
    }

    public String code() {
        return code;
    }

    public String registrationId() {
        return registrationId;
    }

    public String eventId() {
        return eventId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
