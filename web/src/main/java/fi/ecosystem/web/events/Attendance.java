package fi.ecosystem.web.events;

import fi.ecosystem.events.api.RegistrationResponse;
import fi.ecosystem.events.api.RegistrationStatus;
import org.springframework.stereotype.Component;

/**
 * Has a participant checked in (to a session)? For templates as {@code @attendance}. A whole-event
 * check-in is the registration's status; a session's is in its {@code attendedSessions}.
 */
@Component("attendance")
public class Attendance {

    public boolean present(RegistrationResponse registration, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return registration.status() == RegistrationStatus.ATTENDED;
        }
        return registration.attendedSessions().contains(sessionId);
    }
}
