package fi.ecosystem.events.publicevents;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.api.PublicEventResponse;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.event.web.EventRecords;
import fi.ecosystem.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    static PublicEventResponse of(Event event) {
        return new PublicEventResponse(event.id(), EventRecords.type(event.type()), event.title(), event.description(),
                event.organisation(), event.organisingCity(), event.venue(), event.onlineUrl() != null, event.startsAt(),
                event.endsAt(), EventRecords.sessions(event.sessions()), EventRecords.questions(event.questions()),
                event.capacity(), Math.max(0, event.capacity() - event.confirmedCount()), event.openToThePublic(Instant.now()),
                event.registrationOpensAt(), event.registrationClosesAt(), EventRecords.contact(event.contact()),
                fi.ecosystem.events.api.BusinessIdAsked.valueOf(event.businessIdAsked().name()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published event with its sessions and the questions of its registration form",
            description = "The online link is not here: registrants get it in their confirmation")
    PublicEventResponse get(@PathVariable String id) {
        return of(events.published(id));
    }

    @GetMapping
    @Operation(summary = "Published events, soonest first")
    ItemsPage<PublicEventResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Event> found = events.published(PageRequest.of(page, size, Sort.by("startsAt", "_id")));
        return new ItemsPage<>(found.getContent().stream().map(PublicEventController::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements(), found.getTotalPages());
    }
}
