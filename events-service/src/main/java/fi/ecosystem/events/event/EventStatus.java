package fi.ecosystem.events.event;

public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED
}
