package fi.ecosystem.events.api;

/**
 * Whether an event's registration form asks for the participant's organisation and its business ID (Y-tunnus):
 * funder reports count the enterprises supported by business ID, so events that reach companies ask for it.
 */
public enum BusinessIdAsked {
    NOT_ASKED, OPTIONAL, REQUIRED;

    /** Whether the form shows the fields at all. */
    public boolean asked() {
        return this != NOT_ASKED;
    }
}
