package fi.ecosystem.contacts.contact;

/** Where a consent was given: a (public) form, staff who heard it, or an import from an older system. */
public enum ConsentSource {
    FORM, STAFF, IMPORT
}
