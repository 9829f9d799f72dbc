package fi.ecosystem.events.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration is: a place, a place in the queue, a place offered from the queue (to accept by a deadline),
 * cancelled, or after the event attended or not.
 */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW, OFFERED;

    /** The people a check-in lists: those holding a place, whether already marked or not. */
    public static final Set<RegistrationStatus> HOLDING_A_PLACE = Collections.unmodifiableSet(EnumSet.of(CONFIRMED, ATTENDED, NO_SHOW));

    /** An organiser may still cancel it (it holds a place, is offered one or waits for one). */
    public boolean cancellable() {
        return this == CONFIRMED || this == WAITLISTED || this == OFFERED;
    }
}
