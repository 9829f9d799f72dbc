package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.platform.messaging.OutboxEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A growth programme, webinar, seminar… of a project. {@code confirmedCount} is changed only by the
 * guarded atomic update in {@link SeatCounter}, never by saving this object, so concurrent registrations
 * can never confirm more people than {@code capacity}.
 */
@Document("events")
public class Event {

    @Id
    private String id;
    @Indexed
    private String projectId;
    private EventType type;
    private LocalizedText title;
    private String organisingCity;
    private int capacity;
    private int confirmedCount;
    private Instant startsAt;
    private Instant endsAt;
    /** The public may register from this moment (null: as soon as published)… */
    private Instant registrationOpensAt;
    /** …until this one (null: until the event starts). */
    private Instant registrationClosesAt;
    private EventStatus status;
    private Instant createdAt;
    @Version
    private Long version;
    private List<OutboxEvent> pendingEvents = new ArrayList<>();

    protected Event() {
    }

    public static Event draft(String id, String projectId, EventType type, LocalizedText title, String organisingCity,
            int capacity, Instant startsAt, Instant endsAt) {
        if (title == null || title.in("fi").isBlank()) {
            throw new DomainRuleViolation("title-missing", "An event needs a title in at least one language");
        }
        if (capacity < 1) {
            throw new DomainRuleViolation("capacity-invalid", "Capacity is at least one place");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new DomainRuleViolation("schedule-invalid", "An event ends after it starts");
        }
        Event event = new Event();
        event.id = id;
        event.projectId = projectId;
        event.type = type;
        event.title = title;
        event.organisingCity = organisingCity;
        event.capacity = capacity;
        event.startsAt = startsAt;
        event.endsAt = endsAt;
        event.status = EventStatus.DRAFT;
        event.createdAt = Instant.now();
        return event;
    }

    /** Sets when the public may register; organisers may register people outside it. */
    public EventChanged registrationWindow(Instant opensAt, Instant closesAt) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw new DomainRuleViolation("window-invalid", "Registration closes after it opens");
        }
        registrationOpensAt = opensAt;
        registrationClosesAt = closesAt;
        return changed();
    }

    /** Is the public registration open at this moment? */
    public boolean openToThePublic(Instant now) {
        Instant closes = registrationClosesAt != null ? registrationClosesAt : startsAt;
        return status == EventStatus.PUBLISHED
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (closes == null || now.isBefore(closes));
    }

    public Instant registrationOpensAt() {
        return registrationOpensAt;
    }

    public Instant registrationClosesAt() {
        return registrationClosesAt;
    }

    public EventChanged publish() {
        if (status != EventStatus.DRAFT) {
            throw new DomainRuleViolation("not-draft", "Only a draft can be published; this event is " + status);
        }
        status = EventStatus.PUBLISHED;
        return changed();
    }

    public EventChanged changed() {
        return new EventChanged(id, projectId, type.name(), title, status.name(), organisingCity, capacity, startsAt);
    }

    public void record(OutboxEvent event) {
        pendingEvents.add(event);
    }

    public boolean acceptsRegistrations() {
        return status == EventStatus.PUBLISHED || status == EventStatus.DRAFT;
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public EventType type() {
        return type;
    }

    public LocalizedText title() {
        return title;
    }

    public String organisingCity() {
        return organisingCity;
    }

    public int capacity() {
        return capacity;
    }

    public int confirmedCount() {
        return confirmedCount;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public EventStatus status() {
        return status;
    }

    public List<OutboxEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
