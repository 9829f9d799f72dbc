package fi.ecosystem.events.event;

public enum EventType {
    GROWTH_PROGRAMME, WEBINAR, SEMINAR, WORKSHOP, MATCHMAKING
}
