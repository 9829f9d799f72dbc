package fi.ecosystem.web.events;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Has a participant checked in (to a session)? For templates as {@code @attendance}. A whole-event
 * check-in is the registration's status; a session's is in {@code attendance} (session id → true/false)
 * or in a list {@code attendedSessions}, whichever the events service gives.
 */
@Component("attendance")
public class Attendance {

    public boolean present(Map<String, Object> registration, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return "ATTENDED".equals(registration.get("status"));
        }
        if (registration.get("attendance") instanceof Map<?, ?> sessions) {
            return Boolean.TRUE.equals(sessions.get(sessionId));
        }
        return registration.get("attendedSessions") instanceof Collection<?> sessions && sessions.contains(sessionId);
    }
}
