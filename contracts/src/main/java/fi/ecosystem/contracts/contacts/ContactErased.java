package fi.ecosystem.contracts.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * A person asked to be forgotten: every service removes or anonymises what it holds about them.
 * Carries no personal data itself: services find the person by contact id or by the keyed hash of the
 * lower-cased e-mail address ({@link fi.ecosystem.contracts.EmailHash}) — of every address they had
 * ({@code otherEmailHashes}: the addresses of people merged into them). Topic {@code contacts}, key =
 * contact id.
 *
 * <p>Version 2: the hashes are keyed (HMAC-SHA256); version 1 carried plain SHA-256 hashes
 * ({@code emailSha256}, {@code otherEmailSha256}), which a consumer of version 2 ignores.
 */
public record ContactErased(String contactId, String emailHash, List<String> otherEmailHashes) {

    public static final String TYPE = "contact.erased";
    public static final int VERSION = 2;

    public ContactErased {
        otherEmailHashes = otherEmailHashes == null ? List.of() : List.copyOf(otherEmailHashes);
    }

    /** A person known by one address. */
    public ContactErased(String contactId, String emailHash) {
        this(contactId, emailHash, null);
    }

    /** The keyed hashes of every address the person had. */
    public List<String> allEmailHashes() {
        List<String> all = new ArrayList<>();
        if (emailHash != null) {
            all.add(emailHash);
        }
        otherEmailHashes.stream().filter(hash -> hash != null && !all.contains(hash)).forEach(all::add);
        return all;
    }
}
