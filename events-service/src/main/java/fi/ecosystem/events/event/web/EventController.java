package fi.ecosystem.events.event.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Events of the projects the caller's city takes part in; others answer 404")
@SecurityRequirement(name = "keycloak")
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    record Title(@Size(max = 300) String fi, @Size(max = 300) String sv, @Size(max = 300) String en) {
    }

    record DraftEvent(
            @NotBlank @Size(max = 100) String projectId,
            @NotNull EventType type,
            @NotNull @Valid Title title,
            @Min(1) @Max(100_000) int capacity,
            Instant startsAt,
            Instant endsAt,
            Instant registrationOpensAt,
            Instant registrationClosesAt) {
    }

    record EventResponse(String id, String projectId, EventType type, LocalizedText title, String organisingCity,
            int capacity, int confirmedCount, Instant startsAt, Instant endsAt, Instant registrationOpensAt,
            Instant registrationClosesAt, EventStatus status) {

        static EventResponse of(Event event) {
            return new EventResponse(event.id(), event.projectId(), event.type(), event.title(), event.organisingCity(),
                    event.capacity(), event.confirmedCount(), event.startsAt(), event.endsAt(), event.registrationOpensAt(),
                    event.registrationClosesAt(), event.status());
        }
    }

    @GetMapping
    @Operation(summary = "List events of the caller's cities' projects")
    PageResponse<EventResponse> list(@Parameter(hidden = true) CityUser user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(events.list(user, PageRequest.of(page, size, Sort.by("startsAt", "_id"))), EventResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event")
    EventResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return EventResponse.of(events.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Create a draft event in a project", description = "Event organisers of a participating city; integrators need events:write")
    ResponseEntity<EventResponse> draft(@Parameter(hidden = true) CityUser user, @Valid @RequestBody DraftEvent request) {
        Event event = events.draft(user, request.projectId(), request.type(),
                new LocalizedText(request.title().fi(), request.title().sv(), request.title().en()), request.capacity(),
                request.startsAt(), request.endsAt(), request.registrationOpensAt(), request.registrationClosesAt());
        return ResponseEntity.created(URI.create("/api/events/" + event.id())).body(EventResponse.of(event));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft event")
    EventResponse publish(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return EventResponse.of(events.publish(user, id));
    }
}
