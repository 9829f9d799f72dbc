package fi.ecosystem.contacts.api;

/** Where a consent was given: a (public) form, staff who heard it, or an import from an older system. */
public enum ConsentSource {
    FORM, STAFF, IMPORT
}
