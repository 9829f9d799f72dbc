package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Use cases of events; the access rule follows the event's project (its cities manage it). */
@Service
public class EventService {

    public static final String AREA = "events";

    private final EventRepository events;
    private final ProjectAccessDirectory projects;
    private final Outbox outbox;

    EventService(EventRepository events, ProjectAccessDirectory projects, Outbox outbox) {
        this.events = events;
        this.projects = projects;
        this.outbox = outbox;
    }

    public Page<Event> list(CityUser user, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        return events.findByProjectIdIn(projects.projectsOf(user.cities()), pageable);
    }

    /** The public sees published events only. */
    public Page<Event> published(Pageable pageable) {
        return events.findByStatus(EventStatus.PUBLISHED, pageable);
    }

    public Event get(CityUser user, String id) {
        Event event = events.findById(id).orElse(null);
        AccessRule.requireVisible(user, AREA, event == null ? Set.of() : projects.citiesOf(event.projectId()), "Event " + id);
        return event;
    }

    /** For the registration use cases, which apply the access rule themselves. */
    public Event find(String id) {
        return events.findById(id).orElseThrow(() -> new NotFoundException("Event " + id));
    }

    public Set<String> citiesOf(Event event) {
        return projects.citiesOf(event.projectId());
    }

    public Event draft(CityUser user, String projectId, EventType type, LocalizedText title, int capacity,
            Instant startsAt, Instant endsAt) {
        return draft(user, projectId, type, title, capacity, startsAt, endsAt, null, null);
    }

    public Event draft(CityUser user, String projectId, EventType type, LocalizedText title, int capacity,
            Instant startsAt, Instant endsAt, Instant registrationOpensAt, Instant registrationClosesAt) {
        Set<String> cities = projects.citiesOf(projectId);
        AccessRule.requireVisible(user, AREA, cities, "Project " + projectId);
        AccessRule.requireMayWrite(user, AREA, CityUser.EVENT_ORGANISER);
        String organisingCity = user.cities().stream().filter(cities::contains).sorted().findFirst()
                .orElseThrow(() -> new DomainRuleViolation("no-organising-city", "No city of yours takes part in the project"));
        Event event = Event.draft(UUID.randomUUID().toString(), projectId, type, title, organisingCity, capacity,
                startsAt, endsAt);
        return save(event, event.registrationWindow(registrationOpensAt, registrationClosesAt), cities);
    }

    public Event publish(CityUser user, String id) {
        Event event = get(user, id);
        AccessRule.requireWritable(user, AREA, CityUser.EVENT_ORGANISER, citiesOf(event), "Event " + id);
        return save(event, event.publish(), citiesOf(event));
    }

    private Event save(Event event, EventChanged changed, Set<String> cities) {
        event.record(outbox.event(Topics.EVENTS, event.id(), EventChanged.TYPE, EventChanged.VERSION, cities, changed));
        Event saved = events.save(event);
        outbox.saved();
        return saved;
    }
}
