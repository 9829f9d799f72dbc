package fi.ecosystem.events.api;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * A published event as everyone sees it: only what a participant needs, nothing internal, no online link.
 * {@code registrationOpen} is always given by the service; a reader that finds none offers the form.
 */
public record PublicEventResponse(String id, EventType type, LocalizedText title, LocalizedText description,
        String organisation, String organisingCity, String venue, boolean online, Instant startsAt, Instant endsAt,
        List<EventResponse.SessionResponse> sessions, List<EventResponse.QuestionResponse> questions, int capacity,
        int placesLeft, Boolean registrationOpen, Instant registrationOpensAt, Instant registrationClosesAt,
        EventResponse.ContactResponse contact) {

    public PublicEventResponse {
        sessions = sessions == null ? List.of() : sessions;
        questions = questions == null ? List.of() : questions;
    }
}
