package fi.ecosystem.events.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Check-in: attended (true) or absent (false) in a session; the session may be left out when there is one. */
public record AttendanceRequest(@Size(max = 40) String sessionId, @NotNull Boolean attended) {
}
