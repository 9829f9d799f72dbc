package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.OutboxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A participant's place in an event. One per e-mail address per event (the unique index enforces it). */
@Document("registrations")
@CompoundIndexes({
    @CompoundIndex(name = "one_per_email", def = "{'eventId': 1, 'email': 1}", unique = true),
    // the waiting list in order (promotion, place in the queue) and its size per event (the staff home)
    @CompoundIndex(name = "waiting_list", def = "{'eventId': 1, 'status': 1, 'createdAt': 1}"),
    // an event's registrations in the order they came: the list pages and the exports' cursor
    @CompoundIndex(name = "in_order", def = "{'eventId': 1, 'createdAt': 1, '_id': 1}")
})
public class Registration {

    @Id
    private String id;
    private String eventId;
    private String projectId;
    private String email;
    /**
     * The keyed hash of the address ({@link fi.ecosystem.contracts.EmailHash}): finds the person's registrations
     * when they are erased or ask for their data, without the address in the erasure event or the request.
     */
    @Indexed
    private String emailHash;
    private String firstName;
    private String lastName;
    private String organisationName;
    /** The organisation's business ID, when the event asks for it (canonical Y-tunnus). */
    private String businessId;
    private String language;
    private RegistrationStatus status;
    private String registeredBy;
    /** Answers to the event's questions by question id; consent answers are also in {@code consents}. */
    private Map<String, String> answers = new LinkedHashMap<>();
    private List<RegistrationChanged.Consent> consents = new ArrayList<>();
    /** Sessions the participant was checked in to. */
    private Set<String> attendedSessions = new LinkedHashSet<>();
    /** Sessions the participant has been reminded of; a reminder goes once per session. */
    private Set<String> remindedSessions = new LinkedHashSet<>();
    /** The participant's private link: unguessable, unique, shown only to them. */
    @Indexed(unique = true, sparse = true)
    private String privateToken;
    private Instant createdAt;
    /** When the private link was last mailed again on request (a repeat registration); limits such mails. */
    private Instant linkMailedAt;
    @Version
    private Long version;
    private List<OutboxEvent> pendingEvents = new ArrayList<>();

    protected Registration() {
    }

    static Registration of(String id, String eventId, String projectId, RegistrationChanged.Participant participant,
            RegistrationStatus status, String registeredBy, Map<String, String> answers,
            List<RegistrationChanged.Consent> consents, String emailHash) {
        Registration registration = new Registration();
        registration.id = id;
        registration.eventId = eventId;
        registration.projectId = projectId;
        registration.email = normalise(participant.email());
        registration.emailHash = emailHash;
        registration.firstName = participant.firstName();
        registration.lastName = participant.lastName();
        registration.organisationName = participant.organisationName();
        registration.businessId = participant.businessId();
        registration.language = participant.language() == null ? "fi" : participant.language();
        registration.status = status;
        registration.registeredBy = registeredBy;
        registration.answers = new LinkedHashMap<>(answers);
        registration.consents = new ArrayList<>(consents);
        registration.privateToken = PrivateTokens.next();
        registration.createdAt = Instant.now();
        return registration;
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The event of a change from {@code previous} to {@code next} (used by the atomic status updates). */
    RegistrationChanged changed(RegistrationStatus previous, RegistrationStatus next, String sessionId) {
        return new RegistrationChanged(id, eventId, projectId, next.name(), previous == null ? null : previous.name(),
                new RegistrationChanged.Participant(email, firstName, lastName, organisationName, businessId, language),
                Instant.now(), sessionId, consents);
    }

    RegistrationChanged changed(RegistrationStatus previous) {
        return changed(previous, status, null);
    }

    String eventType() {
        return eventType(status);
    }

    static String eventType(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> RegistrationChanged.CONFIRMED;
            case WAITLISTED -> RegistrationChanged.WAITLISTED;
            case CANCELLED -> RegistrationChanged.CANCELLED;
            case ATTENDED -> RegistrationChanged.ATTENDED;
            case NO_SHOW -> RegistrationChanged.NO_SHOW;
        };
    }

    void record(OutboxEvent event) {
        pendingEvents.add(event);
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
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

    public String businessId() {
        return businessId;
    }

    public String language() {
        return language;
    }

    public Map<String, String> answers() {
        return answers == null ? Map.of() : Map.copyOf(answers);
    }

    public List<RegistrationChanged.Consent> consents() {
        return consents == null ? List.of() : List.copyOf(consents);
    }

    public Set<String> attendedSessions() {
        return attendedSessions == null ? Set.of() : Set.copyOf(attendedSessions);
    }

    public Set<String> remindedSessions() {
        return remindedSessions == null ? Set.of() : Set.copyOf(remindedSessions);
    }

    public String privateToken() {
        return privateToken;
    }

    public String projectId() {
        return projectId;
    }

    public RegistrationStatus status() {
        return status;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    Long version() {
        return version;
    }

    public List<OutboxEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
