package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration stands, and the one place of its rules: which status may move to which, and the event
 * type each move causes. A new registration starts confirmed (a place was free) or waitlisted; a place goes to
 * the waiting list only through a promotion, or through an offer (OFFERED holds the place until its deadline:
 * accepted it is confirmed, declined or expired it is cancelled); check-in moves between attended and no-show.
 */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW, OFFERED;

    /** The people with a place: they are checked in (attended, no-show) and their places count. */
    static final Set<RegistrationStatus> WITH_A_PLACE = EnumSet.of(CONFIRMED, ATTENDED, NO_SHOW);

    /** Whether a registration in this status may move to {@code next}; the same status only through a check-in. */
    boolean mayBecome(RegistrationStatus next) {
        return switch (this) {
            case CONFIRMED -> next == CANCELLED || next == ATTENDED || next == NO_SHOW;
            case WAITLISTED -> next == CONFIRMED || next == CANCELLED || next == OFFERED;
            case OFFERED -> next == CONFIRMED || next == CANCELLED;
            case ATTENDED, NO_SHOW -> next == ATTENDED || next == NO_SHOW;
            case CANCELLED -> false;
        };
    }

    /** The statuses that hold one of the event's places in its counter (an open offer holds it too). */
    static final Set<RegistrationStatus> TAKING_A_PLACE = EnumSet.of(CONFIRMED, OFFERED, ATTENDED, NO_SHOW);

    boolean takesAPlace() {
        return TAKING_A_PLACE.contains(this);
    }

    /** The event type of a new registration in this status. */
    String eventType() {
        return switch (this) {
            case CONFIRMED -> RegistrationChanged.CONFIRMED;
            case WAITLISTED -> RegistrationChanged.WAITLISTED;
            case CANCELLED -> RegistrationChanged.CANCELLED;
            case ATTENDED -> RegistrationChanged.ATTENDED;
            case NO_SHOW -> RegistrationChanged.NO_SHOW;
            case OFFERED -> RegistrationChanged.OFFERED;
        };
    }

    /** The event type of the move from this status to {@code next} (a check-in that keeps the status: session attendance). */
    String eventTypeOfMoveTo(RegistrationStatus next) {
        if (next == this) {
            return RegistrationChanged.SESSION_ATTENDANCE;
        }
        if (this == WAITLISTED && next == CONFIRMED) {
            return RegistrationChanged.PROMOTED;
        }
        if (this == OFFERED) {
            return next == CONFIRMED ? RegistrationChanged.OFFER_ACCEPTED : RegistrationChanged.OFFER_DECLINED;
        }
        return next.eventType();
    }

    /** The event type of an offer whose deadline passed unanswered (OFFERED to CANCELLED by the deadline job). */
    static String eventTypeOfExpiry() {
        return RegistrationChanged.OFFER_EXPIRED;
    }
}
