package fi.ecosystem.events.api;

/** Where an event is in its life: a draft, published for registrations, cancelled, or held. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED;

    /** Organisers still edit and cancel a draft or a published event; a cancelled or held one is history. */
    public boolean open() {
        return this == DRAFT || this == PUBLISHED;
    }
}
