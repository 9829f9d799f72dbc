package fi.ecosystem.contracts.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * A person asked to be forgotten: every service removes or anonymises what it holds about them.
 * Carries no personal data itself: services find the person by contact id or by the SHA-256 of the
 * lower-cased e-mail address — of every address they had ({@code otherEmailSha256}: the addresses of people
 * merged into them). Topic {@code contacts}, key = contact id.
 */
public record ContactErased(String contactId, String emailSha256, List<String> otherEmailSha256) {

    public static final String TYPE = "contact.erased";
    public static final int VERSION = 1;

    /** Events written before other addresses were sent read as having none. */
    public ContactErased {
        otherEmailSha256 = otherEmailSha256 == null ? List.of() : List.copyOf(otherEmailSha256);
    }

    /** A person known by one address (the shape of the first version of this record). */
    public ContactErased(String contactId, String emailSha256) {
        this(contactId, emailSha256, null);
    }

    /** The hashes of every address the person had. */
    public List<String> allEmailSha256() {
        List<String> all = new ArrayList<>();
        if (emailSha256 != null) {
            all.add(emailSha256);
        }
        otherEmailSha256.stream().filter(hash -> hash != null && !all.contains(hash)).forEach(all::add);
        return all;
    }

    /** The SHA-256 (hex) of the trimmed, lower-cased address: every service computes it the same way. */
    public static String hashOf(String email) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
