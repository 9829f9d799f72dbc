package fi.ecosystem.events.event.web;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.events.api.EventRequest;
import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.event.BusinessIdAsked;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventDetails;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.ParticipantAccess;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.events.event.Reminder;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    /** The domain's event details from what organisers wrote. */
    static EventDetails details(EventRequest request) {
        List<Session> given = request.sessions() == null || request.sessions().isEmpty()
                ? (request.startsAt() == null ? List.of() : List.of(new Session("main", null, request.startsAt(), request.endsAt())))
                : request.sessions().stream().map(session -> new Session(session.id(),
                        session.title() == null ? null : session.title().localized(), session.startsAt(), session.endsAt())).toList();
        List<Question> asked = request.questions() == null ? List.of() : request.questions().stream().map(question -> new Question(
                question.id(), Question.Kind.valueOf(question.kind().name()), question.label().localized(),
                Boolean.TRUE.equals(question.required()),
                question.options() == null ? List.of() : question.options().stream()
                        .map(option -> new Question.Choice(option.id(), option.label().localized())).toList(),
                question.policyUrl(), question.policyVersion(), question.consentPurpose())).toList();
        EventRequest.ContactRequest contact = request.contact();
        return new EventDetails(EventType.valueOf(request.type().name()), request.title().localized(),
                request.description() == null ? null : request.description().localized(),
                request.organisation(), request.venue(), request.onlineUrl(), request.capacity(), given,
                request.sessionsToComplete(), asked, request.registrationOpensAt(), request.registrationClosesAt(),
                request.maxRegistrationsPerAddress(),
                contact == null ? null : OrganiserContact.of(contact.name(), contact.email(), contact.phone()),
                Boolean.TRUE.equals(request.excludedFromReports()),
                request.businessIdAsked() == null ? BusinessIdAsked.NOT_ASKED : BusinessIdAsked.valueOf(request.businessIdAsked().name()),
                request.offerHours(), request.reminders() == null ? List.of() : request.reminders().stream()
                        .map(reminder -> new Reminder(reminder.id(), reminder.hoursBefore(),
                                reminder.text() == null ? null : reminder.text().localized())).toList());
    }

    /** An event as its cities see it; the online link only for those who manage it or its people (never a bare member). */
    static EventResponse of(Event event, boolean withOnlineUrl) {
        return new EventResponse(event.id(), event.projectId(), EventRecords.type(event.type()), event.title(),
                event.description(), event.organisingCity(), event.organisation(), event.venue(),
                withOnlineUrl ? event.onlineUrl() : null, event.onlineUrl() != null, event.capacity(), event.confirmedCount(),
                Math.max(0, event.capacity() - event.confirmedCount()), event.startsAt(), event.endsAt(),
                EventRecords.sessions(event.sessions()), event.sessionsNeededToComplete(), EventRecords.questions(event.questions()),
                event.registrationOpensAt(), event.registrationClosesAt(), event.maxRegistrationsPerAddress(),
                fi.ecosystem.events.api.EventStatus.valueOf(event.status().name()), event.waitlistedCount(),
                EventRecords.contact(event.contact()), event.excludedFromReports(),
                fi.ecosystem.events.api.BusinessIdAsked.valueOf(event.businessIdAsked().name()), event.offerHours(),
                event.reminders().stream().map(reminder -> new EventResponse.ReminderResponse(reminder.id(),
                        reminder.hoursBefore(), reminder.text())).toList());
    }

    private EventResponse response(CityUser user, Event event) {
        return response(user, event, events.citiesOf(event));
    }

    private static EventResponse response(CityUser user, Event event, Set<String> cities) {
        boolean managesIt = user.mayWrite(EventService.AREA, CityUser.EVENT_ORGANISER) && user.sharesCityWith(cities);
        return of(event, managesIt || ParticipantAccess.mayReadPeople(user, event, cities));
    }

    @GetMapping
    @Operation(summary = "List events of the caller's cities' projects, in the order they start",
            description = "Each event says how many wait on its waiting list (`waitlistedCount`). `from`: only events that "
                    + "start then or later; `status`: only events in these states (both optional, they combine); `projectId`: "
                    + "only the events of that project (alone: the others are then ignored).")
    ItemsPage<EventResponse> list(@Parameter(hidden = true) CityUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) Set<EventStatus> status,
            @RequestParam(required = false) @Size(max = 100) String projectId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("startsAt", "_id"));
        Page<Event> found = projectId != null && !projectId.isBlank() ? events.ofProject(user, projectId, request)
                : from == null && (status == null || status.isEmpty()) ? events.list(user, request)
                : events.upcoming(user, from == null ? Instant.EPOCH : from,
                        status == null || status.isEmpty() ? EnumSet.allOf(EventStatus.class) : status, request);
        Map<String, Set<String>> citiesOfProject = new HashMap<>();
        return new ItemsPage<>(found.getContent().stream().map(event -> response(user, event,
                citiesOfProject.computeIfAbsent(event.projectId(), project -> events.citiesOf(event)))).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event")
    EventResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return response(user, events.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Create a draft event in a project", description = "Event organisers of a participating city; integrators need events:write")
    ResponseEntity<EventResponse> draft(@Parameter(hidden = true) CityUser user, @Valid @RequestBody EventRequest request) {
        Event event = events.draft(user, request.projectId(), details(request));
        return ResponseEntity.created(URI.create("/api/events/" + event.id())).body(response(user, event));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an event", description = "Everything organisers write; the project stays. Raising the capacity promotes people from the "
            + "waiting list (or offers them the places, when the event offers places)")
    EventResponse edit(@Parameter(hidden = true) CityUser user, @PathVariable String id, @Valid @RequestBody EventRequest request) {
        Event before = events.get(user, id);
        if (!before.projectId().equals(request.projectId())) {
            throw InvalidFields.of("projectId", "project-fixed", "An event stays in its project");
        }
        return response(user, events.edit(user, id, details(request)));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft event")
    EventResponse publish(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return response(user, events.publish(user, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel the event", description = "Its registrations are cancelled and the people told by e-mail")
    EventResponse cancel(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return response(user, events.cancel(user, id));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Mark the event held", description = "Confirmed people never checked in become no-shows")
    EventResponse complete(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return response(user, events.complete(user, id));
    }
}
