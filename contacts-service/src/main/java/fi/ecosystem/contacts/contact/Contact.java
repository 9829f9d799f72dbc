package fi.ecosystem.contacts.contact;

import fi.ecosystem.contracts.contacts.ContactChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.OutboxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person the ecosystem works with. Linked to projects through their roles and participation; the
 * access rule shares a person with the staff of every city of those projects.
 */
@Document("contacts")
public class Contact {

    @Id
    private String id;
    @Indexed(unique = true, sparse = true)
    private String email;
    private String firstName;
    private String lastName;
    private String organisationName;
    private String language;
    @Indexed
    private Set<String> projectIds = new TreeSet<>();
    private List<Participation> participations = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;
    private List<OutboxEvent> pendingEvents = new ArrayList<>();

    protected Contact() {
    }

    static Contact fromRegistration(String id, RegistrationChanged.Participant participant) {
        Contact contact = new Contact();
        contact.id = id;
        contact.email = normalise(participant.email());
        contact.firstName = participant.firstName();
        contact.lastName = participant.lastName();
        contact.organisationName = participant.organisationName();
        contact.language = participant.language() == null ? "fi" : participant.language();
        contact.createdAt = Instant.now();
        contact.updatedAt = contact.createdAt;
        return contact;
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Adds or updates the line for this registration; replaying the same event leaves the history as it is.
     * Returns true if the person's project links changed (others then hear of it).
     */
    boolean participated(RegistrationChanged registration, Instant at) {
        participations.removeIf(line -> line.registrationId().equals(registration.registrationId()));
        participations.add(new Participation(registration.registrationId(), registration.eventId(),
                registration.projectId(), registration.status(), at));
        updatedAt = Instant.now();
        return registration.projectId() != null && projectIds.add(registration.projectId());
    }

    ContactChanged changed() {
        return new ContactChanged(id, displayName(), organisationName, List.copyOf(projectIds));
    }

    void record(OutboxEvent event) {
        pendingEvents.add(event);
    }

    public String displayName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String organisationName() {
        return organisationName;
    }

    public String language() {
        return language;
    }

    public Set<String> projectIds() {
        return Set.copyOf(projectIds);
    }

    public List<Participation> participations() {
        return List.copyOf(participations);
    }

    public List<OutboxEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
