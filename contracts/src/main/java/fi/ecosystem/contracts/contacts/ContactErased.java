package fi.ecosystem.contracts.contacts;

/**
 * A person asked to be forgotten: every service removes or anonymises what it holds about them.
 * Carries no personal data itself: services find the person by contact id or by the SHA-256 of the
 * lower-cased e-mail address. Topic {@code contacts}, key = contact id.
 */
public record ContactErased(String contactId, String emailSha256) {

    public static final String TYPE = "contact.erased";
    public static final int VERSION = 1;

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
