package fi.ecosystem.events.api;

/** What kind of event it is; the pages translate the names ({@code eventType.*}). */
public enum EventType {
    GROWTH_PROGRAMME, WEBINAR, SEMINAR, WORKSHOP, MATCHMAKING
}
