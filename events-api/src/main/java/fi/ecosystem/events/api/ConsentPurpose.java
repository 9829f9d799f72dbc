package fi.ecosystem.events.api;

/** What a consent question asks the person to agree to (a question's {@code consentPurpose} is one of these names). */
public enum ConsentPurpose {
    NEWSLETTER, EVENT_COMMUNICATION, RESEARCH
}
