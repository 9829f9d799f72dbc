package fi.ecosystem.events.registration;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW
}
