package fi.ecosystem.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registration as organisers see it; {@code waitingListPosition} is 1 for the next to get a place, 0 off the list;
 * {@code offeredUntil} the deadline of an open offer (OFFERED only).
 */
public record RegistrationResponse(String id, String eventId, String email, String firstName, String lastName,
        String organisationName, String language, RegistrationStatus status, long waitingListPosition,
        Map<String, String> answers, List<Consent> consents, Set<String> attendedSessions, boolean completed,
        String registeredBy, Instant createdAt, String businessId, Instant offeredUntil) {

    public RegistrationResponse {
        answers = answers == null ? Map.of() : answers;
        attendedSessions = attendedSessions == null ? Set.of() : attendedSessions;
    }

    public record Consent(String purpose, String policyVersion, String policyUrl, Instant givenAt) {
    }
}
