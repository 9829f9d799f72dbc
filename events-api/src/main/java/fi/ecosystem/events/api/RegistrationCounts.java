package fi.ecosystem.events.api;

import java.util.Map;

/** How many of an event's registrations are in each state, every state named (0 for none). */
public record RegistrationCounts(Map<RegistrationStatus, Long> byStatus) {
}
