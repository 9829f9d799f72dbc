package fi.ecosystem.events.registration.erasure;

import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.events.registration.RegistrationStore;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A person asked to be forgotten (topic {@code contacts}, {@code contact.erased}): their registrations stay
 * — places and counts must still add up — but without anything that identifies them: names, organisation and
 * its business ID, the address and their answers to the event's questions are removed.
 */
@Component
public class RegistrationErasure {

    private final RegistrationStore registrations;
    private final PrivacyAudit audit;
    private final PersonalDataKeys keys;

    RegistrationErasure(RegistrationStore registrations, PrivacyAudit audit, PersonalDataKeys keys) {
        this.registrations = registrations;
        this.audit = audit;
        this.keys = keys;
    }

    /**
     * Forgets the person (their contact id and the keyed hashes of every address they had) in every registration,
     * then shreds their keys; {@code erasureId} names the erasure in the audit.
     */
    public void erase(String contactId, List<String> emailHashes, String erasureId) {
        int count = 0;
        for (String emailHash : emailHashes) {
            count += anonymise(emailHash);
        }
        // again after anonymising: a registration event sealed meanwhile with a new key is unreadable too
        keys.shred(PersonalData.keysOf(contactId, emailHashes));
        audit.erased(contactId, erasureId, Map.of("registrations", (long) count));
    }

    /** Anonymises every registration of the address with this keyed hash; returns how many. Repeating it changes nothing more. */
    int anonymise(String emailHash) {
        return registrations.anonymise(emailHash);
    }
}
