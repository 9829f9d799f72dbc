package fi.ecosystem.contacts.contact;

import java.time.Instant;

/**
 * One consent as given, and its withdrawal. Never changed otherwise: giving a consent again adds a new record,
 * so the history shows every text the person agreed to (except the same text ticked again on a form of the same
 * project while this one is in force: see {@code Contact#consentedOnTheForm}).
 *
 * @param text        the text shown to the person, or null when {@code textVersion} names it
 * @param textVersion the version of the consent text (e.g. {@code newsletter-2026-01})
 * @param recordedBy  who recorded it (a staff member's name, "registration form", "import")
 * @param scope       whose consent it is: the project of the event whose form it was ticked on, or
 *                    {@code city:<alias>} of the staff who recorded it (see {@link Scopes})
 */
public record Consent(String id, ConsentPurpose purpose, LegalBasis legalBasis, ConsentSource source, String text,
        String textVersion, Instant givenAt, String recordedBy, Instant withdrawnAt, String withdrawnBy, String scope) {

    public boolean active() {
        return withdrawnAt == null;
    }

    Consent inScope(String newScope) {
        return new Consent(id, purpose, legalBasis, source, text, textVersion, givenAt, recordedBy, withdrawnAt, withdrawnBy,
                newScope);
    }

    Consent withdrawn(Instant at, String by) {
        return new Consent(id, purpose, legalBasis, source, text, textVersion, givenAt, recordedBy, at, by, scope);
    }
}
