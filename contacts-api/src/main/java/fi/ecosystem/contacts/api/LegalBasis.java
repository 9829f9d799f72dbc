package fi.ecosystem.contacts.api;

/** The lawful bases of GDPR article 6(1) that apply to contact data. */
public enum LegalBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, PUBLIC_TASK, LEGITIMATE_INTEREST
}
