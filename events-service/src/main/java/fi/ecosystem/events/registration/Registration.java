package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.Aggregate;
import fi.ecosystem.platform.messaging.RecordedEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

/**
 * A participant's place in an event. One per e-mail address per event (the unique index enforces it). Its status
 * moves only as {@link RegistrationStatus} allows, each move with its event; the moves that race with others are
 * guarded atomic updates of {@link RegistrationStore}, which records the event {@link #moved} gives.
 */
@Document("registrations")
@CompoundIndexes({
    @CompoundIndex(name = "one_per_email", def = "{'eventId': 1, 'email': 1}", unique = true),
    // the waiting list in order (promotion, place in the queue): by waiting number, those stored before numbers first
    @CompoundIndex(name = "waiting_order", def = "{'eventId': 1, 'status': 1, 'waitingNumber': 1, 'createdAt': 1}"),
    // an event's registrations in the order they came: the list pages and the exports' cursor
    @CompoundIndex(name = "in_order", def = "{'eventId': 1, 'createdAt': 1, '_id': 1}"),
    // the deadline job's claim: open offers whose time ran out, across every event, earliest first
    @CompoundIndex(name = "offers_due", def = "{'status': 1, 'offeredUntil': 1}")
})
public class Registration extends Aggregate {

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
    /** While OFFERED: until when the offered place is held for this person (null in every other status). */
    private Instant offeredUntil;
    private String registeredBy;
    /** Answers to the event's questions by question id; consent answers are also in {@code consents}. */
    private Map<String, String> answers = new LinkedHashMap<>();
    private List<Consent> consents = new ArrayList<>();
    /** Sessions the participant was checked in to. */
    private Set<String> attendedSessions = new LinkedHashSet<>();
    /** The reminders the participant was sent: a session's id (the default reminder) or session/reminder; each goes once. */
    private Set<String> remindedSessions = new LinkedHashSet<>();
    /** The participant's private link: unguessable, unique, shown only to them. */
    @Indexed(unique = true, sparse = true)
    private String privateToken;
    private Instant createdAt;
    /**
     * The place in the waiting list's order, handed out by the event when the registration joined it
     * ({@link fi.ecosystem.events.event.SeatCounter#joinWaitingList}); null for those confirmed at once and for
     * those who joined before numbers were handed out, who stand first, by time.
     */
    private Long waitingNumber;
    /** When the private link was last mailed again on request (a repeat registration); limits such mails. */
    private Instant linkMailedAt;
    @Version
    private Long version;

    protected Registration() {
    }

    static Registration of(String id, String eventId, String projectId, Participant participant,
            RegistrationStatus status, String registeredBy, Map<String, String> answers,
            List<Consent> consents, String emailHash, Long waitingNumber, Collection<String> cities) {
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
        registration.waitingNumber = waitingNumber;
        registration.record(registration.event(status.eventType(), null, status, null, cities, null));
        return registration;
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The event of moving this registration to {@code next} (in a check-in, with the session); refused when the
     * status rules do not allow the move. The caller writes the move and this event in one guarded update.
     */
    RecordedEvent moved(RegistrationStatus next, String sessionId, Collection<String> cities) {
        if (!status.mayBecome(next)) {
            throw new DomainRuleViolation("status-not-allowed", "A " + status + " registration does not become " + next);
        }
        return event(status.eventTypeOfMoveTo(next), status, next, sessionId, cities, null);
    }

    /** The event of offering this waitlisted registration a place until {@code until}; refused as {@link #moved} is. */
    RecordedEvent offered(Instant until, Collection<String> cities) {
        if (!status.mayBecome(RegistrationStatus.OFFERED)) {
            throw new DomainRuleViolation("status-not-allowed", "A " + status + " registration is not offered a place");
        }
        return event(RegistrationStatus.OFFERED.eventType(), status, RegistrationStatus.OFFERED, null, cities, until);
    }

    /** The event of this offer running out unanswered: the registration is cancelled and the place goes on. */
    RecordedEvent offerExpired(Collection<String> cities) {
        if (status != RegistrationStatus.OFFERED) {
            throw new DomainRuleViolation("offer-not-open", "A " + status + " registration has no open offer");
        }
        return event(RegistrationStatus.eventTypeOfExpiry(), status, RegistrationStatus.CANCELLED, null, cities, offeredUntil);
    }

    /** Whether an offered place is still held for this person at {@code now} (the deadline not yet reached). */
    boolean offerOpenAt(Instant now) {
        return status == RegistrationStatus.OFFERED && offeredUntil != null && now.isBefore(offeredUntil);
    }

    /** A check-in's outcome: the sessions attended after it and the status they make. */
    record CheckIn(Set<String> sessions, RegistrationStatus next) {
    }

    /**
     * Checks the participant in to a session, or corrects that (attended false): with no session attended the
     * registration is a no-show, with any attended. Only people with a place are checked in. Null when nothing changes.
     */
    CheckIn checkIn(String sessionId, boolean attended) {
        if (!RegistrationStatus.WITH_A_PLACE.contains(status)) {
            throw new DomainRuleViolation("no-place", "Only people with a place are checked in; this registration is " + status);
        }
        Set<String> sessions = new LinkedHashSet<>(attendedSessions());
        boolean changed = attended ? sessions.add(sessionId) : sessions.remove(sessionId);
        RegistrationStatus next = sessions.isEmpty() ? RegistrationStatus.NO_SHOW : RegistrationStatus.ATTENDED;
        return !changed && next == status ? null : new CheckIn(sessions, next);
    }

    private RecordedEvent event(String type, RegistrationStatus previous, RegistrationStatus next, String sessionId,
            Collection<String> cities, Instant until) {
        return RecordedEvent.of(Topics.REGISTRATIONS, id, type, RegistrationChanged.VERSION, cities,
                new RegistrationChanged(id, eventId, projectId, next.name(), previous == null ? null : previous.name(),
                        new RegistrationChanged.Participant(email, firstName, lastName, organisationName, businessId, language),
                        Instant.now(), sessionId, consents().stream().map(consent -> new RegistrationChanged.Consent(
                                consent.purpose(), consent.policyVersion(), consent.policyUrl(), consent.givenAt())).toList(),
                        until));
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

    public List<Consent> consents() {
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

    /** Until when an offered place is held (null unless OFFERED). */
    public Instant offeredUntil() {
        return status == RegistrationStatus.OFFERED ? offeredUntil : null;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The number in the waiting list's order, or null (see the field). */
    public Long waitingNumber() {
        return waitingNumber;
    }

    Long version() {
        return version;
    }
}
