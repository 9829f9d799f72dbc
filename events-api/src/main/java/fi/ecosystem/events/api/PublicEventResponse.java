package fi.ecosystem.events.api;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * A published event as everyone sees it: only what a participant needs, nothing internal, no online link.
 * {@code registrationOpen} is always given by the service; a reader that finds none offers the form.
 * {@code businessIdAsked}: whether the form asks for the organisation and business ID (none given: not asked).
 */
public record PublicEventResponse(String id, EventType type, LocalizedText title, LocalizedText description,
        String organisation, String organisingCity, String venue, boolean online, Instant startsAt, Instant endsAt,
        List<EventResponse.SessionResponse> sessions, List<EventResponse.QuestionResponse> questions, int capacity,
        int placesLeft, Boolean registrationOpen, Instant registrationOpensAt, Instant registrationClosesAt,
        EventResponse.ContactResponse contact, BusinessIdAsked businessIdAsked) {

    public PublicEventResponse {
        businessIdAsked = businessIdAsked == null ? BusinessIdAsked.NOT_ASKED : businessIdAsked;
        sessions = sessions == null ? List.of() : sessions;
        questions = questions == null ? List.of() : questions;
    }
}
