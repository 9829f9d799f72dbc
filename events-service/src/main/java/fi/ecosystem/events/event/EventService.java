package fi.ecosystem.events.event;

import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.dao.OptimisticLockingFailureException;
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

    EventService(EventRepository events, ProjectAccessDirectory projects) {
        this.events = events;
        this.projects = projects;
    }

    public Page<Event> list(CityUser user, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        return events.findByProjectIdIn(projects.projectsOf(user.cities()), pageable);
    }

    /** The events of one project, if it is one of the caller's cities' projects (otherwise none). */
    public Page<Event> ofProject(CityUser user, String projectId, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        if (!projects.projectsOf(user.cities()).contains(projectId)) {
            return Page.empty(pageable);
        }
        return events.findByProjectIdIn(Set.of(projectId), pageable);
    }

    /** Events not yet started (from the given time on) in the given states, e.g. what is coming up and not cancelled. */
    public Page<Event> upcoming(CityUser user, Instant from, Set<EventStatus> statuses, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        return events.findByProjectIdInAndStartsAtGreaterThanEqualAndStatusIn(projects.projectsOf(user.cities()), from,
                statuses, pageable);
    }

    /** The public sees published events only. */
    public Page<Event> published(Pageable pageable) {
        return events.findByStatus(EventStatus.PUBLISHED, pageable);
    }

    /** A published event for the public; drafts and others do not exist for them. */
    public Event published(String id) {
        return events.findById(id).filter(event -> event.status() == EventStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("Event " + id));
    }

    public Event get(CityUser user, String id) {
        return visible(user, id).event();
    }

    /** An event the caller may see, with its project's cities as the access rule read them. */
    public record Visible(Event event, Set<String> cities) {
    }

    /** As {@link #get}, also giving the cities it read, so that a use case needs no second read of them. */
    public Visible visible(CityUser user, String id) {
        Event event = events.findById(id).orElse(null);
        Set<String> cities = event == null ? Set.of() : projects.citiesOf(event.projectId());
        AccessRule.requireVisible(user, AREA, cities, "Event " + id);
        return new Visible(event, cities);
    }

    /** For the registration use cases, which apply the access rule themselves. */
    public Event find(String id) {
        return events.findById(id).orElseThrow(() -> new NotFoundException("Event " + id));
    }

    public Event findIfExists(String id) {
        return events.findById(id).orElse(null);
    }

    public Set<String> citiesOf(Event event) {
        return projects.citiesOf(event.projectId());
    }

    public Event draft(CityUser user, String projectId, EventDetails details) {
        Set<String> cities = projects.citiesOf(projectId);
        AccessRule.requireVisible(user, AREA, cities, "Project " + projectId);
        AccessRule.requireMayWrite(user, AREA, CityUser.EVENT_ORGANISER);
        String organisingCity = user.cities().stream().filter(cities::contains).sorted().findFirst()
                .orElseThrow(() -> new DomainRuleViolation("no-organising-city", "No city of yours takes part in the project"));
        return events.save(Event.draft(UUID.randomUUID().toString(), projectId, organisingCity, details, cities));
    }

    /** Loads the event, which all of these need, and applies a change; retried when a registration moved the counter meanwhile. */
    private Event change(CityUser user, String id, BiConsumer<Event, Set<String>> change) {
        for (int attempt = 1; ; attempt++) {
            Event event = get(user, id);
            Set<String> cities = citiesOf(event);
            AccessRule.requireWritable(user, AREA, CityUser.EVENT_ORGANISER, cities, "Event " + id);
            try {
                change.accept(event, cities);
                return events.save(event);
            } catch (OptimisticLockingFailureException registrationsMovedTheCounter) {
                if (attempt == 5) {
                    throw registrationsMovedTheCounter;
                }
            }
        }
    }

    public Event edit(CityUser user, String id, EventDetails details) {
        return change(user, id, (event, cities) -> event.edit(details, cities));
    }

    public Event publish(CityUser user, String id) {
        return change(user, id, Event::publish);
    }

    /** Calls the event off; {@code RegistrationsOfClosedEvents} cancels its registrations and tells the people. */
    public Event cancel(CityUser user, String id) {
        return change(user, id, Event::cancel);
    }

    /** Marks the event held; {@code RegistrationsOfClosedEvents} marks confirmed people never checked in as no-shows. */
    public Event complete(CityUser user, String id) {
        return change(user, id, Event::complete);
    }

    /** Published events whose sessions start in the window, for the reminder mails. */
    public List<Event> withSessionsStartingBetween(Instant from, Instant to) {
        return events.findBySessionsStartsAtBetweenAndStatus(from, to, EventStatus.PUBLISHED);
    }
}
