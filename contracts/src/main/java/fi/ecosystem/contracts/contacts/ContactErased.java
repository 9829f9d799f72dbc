package fi.ecosystem.contracts.contacts;

/**
 * A person asked to be forgotten: every service removes or anonymises what it holds about them.
 * Carries no personal data itself: services find the person by contact id or by the SHA-256 of the
 * lower-cased e-mail address. Topic {@code contacts}, key = contact id.
 */
public record ContactErased(String contactId, String emailSha256) {

    public static final String TYPE = "contact.erased";
    public static final int VERSION = 1;
}
