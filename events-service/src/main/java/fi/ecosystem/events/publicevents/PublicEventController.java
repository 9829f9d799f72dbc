package fi.ecosystem.events.publicevents;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.event.BusinessIdAsked;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.events.event.Session;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published events for everyone, no login: only what a participant needs, nothing internal. */
@RestController
@RequestMapping("/public/events")
@Tag(name = "Public events", description = "Published events; no login")
class PublicEventController {

    private final EventService events;

    PublicEventController(EventService events) {
        this.events = events;
    }

    record PublicEvent(String id, EventType type, LocalizedText title, LocalizedText description, String organisation,
            String organisingCity, String venue, boolean online, Instant startsAt, Instant endsAt, List<Session> sessions,
            List<Question> questions, int capacity, int placesLeft, boolean registrationOpen, Instant registrationOpensAt,
            Instant registrationClosesAt, OrganiserContact contact, BusinessIdAsked businessIdAsked) {

        static PublicEvent of(Event event) {
            return new PublicEvent(event.id(), event.type(), event.title(), event.description(), event.organisation(),
                    event.organisingCity(), event.venue(), event.onlineUrl() != null, event.startsAt(), event.endsAt(),
                    event.sessions(), event.questions(), event.capacity(),
                    Math.max(0, event.capacity() - event.confirmedCount()), event.openToThePublic(Instant.now()),
                    event.registrationOpensAt(), event.registrationClosesAt(), event.contact(), event.businessIdAsked());
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published event with its sessions and the questions of its registration form",
            description = "The online link is not here: registrants get it in their confirmation")
    PublicEvent get(@PathVariable String id) {
        return PublicEvent.of(events.published(id));
    }

    @GetMapping
    @Operation(summary = "Published events, soonest first")
    PageResponse<PublicEvent> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(events.published(PageRequest.of(page, size, Sort.by("startsAt", "_id"))), PublicEvent::of);
    }
}
