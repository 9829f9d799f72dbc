package fi.ecosystem.projects.api;

/** Where an indicator's actual value comes from: reported by staff, or counted live from registrations or events. */
public enum IndicatorFeed {
    REPORTED, PARTICIPANTS_REACHED, EVENTS_HELD;

    /** Staff report its values period by period (the live ones the service counts itself). */
    public boolean reported() {
        return this == REPORTED;
    }
}
