package fi.ecosystem.events.api;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the participant sees of their registration through the private link; the online link only while they have a place.
 * {@code certificateAvailable}: they completed the growth programme and may download their certificate of attendance.
 * {@code offeredUntil}: while they are OFFERED a place, until when they may accept it.
 */
public record PrivateRegistrationView(String eventId, LocalizedText eventTitle, Instant startsAt, Instant endsAt, String venue,
        String onlineUrl, List<EventResponse.SessionResponse> sessions, RegistrationStatus status, long waitingListPosition,
        String firstName, String lastName, String email, String language, Map<String, String> answers, String privateToken,
        String organisingCity, String organisation, EventResponse.ContactResponse contact, Boolean certificateAvailable,
        Instant offeredUntil) {

    public PrivateRegistrationView {
        certificateAvailable = Boolean.TRUE.equals(certificateAvailable);
        sessions = sessions == null ? List.of() : sessions;
    }
}
