package fi.ecosystem.contacts.api;

/** What a person agreed to be contacted or processed for. */
public enum ConsentPurpose {
    NEWSLETTER, EVENT_COMMUNICATION, RESEARCH
}
