package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.ParticipantAccess;
import fi.ecosystem.events.event.SeatCounter;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.platform.web.InvalidFields;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Registering participants: confirmed while places last, then the waiting list in order. */
@Service
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final EventService events;
    private final SeatCounter seats;
    private final WaitingList waitingList;
    private final RegistrationsPerAddress perAddress;
    private final PrivateLinkRequests linkRequests;
    private final EmailHash emailHash;

    RegistrationService(RegistrationRepository registrations, EventService events, SeatCounter seats,
            WaitingList waitingList, RegistrationsPerAddress perAddress, PrivateLinkRequests linkRequests, EmailHash emailHash) {
        this.registrations = registrations;
        this.events = events;
        this.seats = seats;
        this.waitingList = waitingList;
        this.perAddress = perAddress;
        this.linkRequests = linkRequests;
        this.emailHash = emailHash;
    }

    /**
     * The outcome, whether it is new (a repeat for the same e-mail returns the existing registration), the event as
     * read for it, and the place in the waiting list told by joining it (0 when it joined none now: confirmed, or a
     * repeat, whose place {@link #waitingListPosition(Outcome)} counts).
     */
    public record Outcome(Registration registration, boolean created, Event event, long joinedPlace) {

        Outcome(Registration registration, boolean created, Event event) {
            this(registration, created, event, 0);
        }
    }

    public Outcome registerByOrganiser(CityUser user, String eventId, Participant participant,
            Map<String, String> answers) {
        EventService.Visible visible = events.visible(user, eventId);
        Event event = visible.event();
        Set<String> cities = visible.cities();
        AccessRule.requireWritable(user, EventService.AREA, CityUser.EVENT_ORGANISER, cities, "Event " + eventId);
        ParticipantAccess.requireMayReadPeople(user, event, cities);
        return register(event, cities, participant, answers, user.subject());
    }

    /** The outcome of one row of a bulk import: a registration, or why the row was refused. */
    public record ImportedRow(int row, Outcome outcome, List<InvalidFields.FieldError> errors) {
    }

    /**
     * Registers the rows of an organiser's upload one by one, in the file's order (so the waiting list follows
     * it). A bad row is reported and skipped; the others go in. Repeating an upload registers nobody twice.
     */
    public List<ImportedRow> importRows(CityUser user, String eventId, List<RegistrationImport.Row> rows) {
        EventService.Visible visible = events.visible(user, eventId);
        Event event = visible.event();
        Set<String> cities = visible.cities();
        AccessRule.requireWritable(user, EventService.AREA, CityUser.EVENT_ORGANISER, cities, "Event " + eventId);
        ParticipantAccess.requireMayReadPeople(user, event, cities);
        List<ImportedRow> report = new ArrayList<>();
        for (RegistrationImport.Row row : rows) {
            if (!row.errors().isEmpty()) {
                report.add(new ImportedRow(row.line(), null, row.errors()));
                continue;
            }
            try {
                report.add(new ImportedRow(row.line(), register(event, cities, row.participant(),
                        QuestionColumns.answers(event, row.answers()), user.subject()),
                        List.of()));
            } catch (InvalidFields invalid) {
                report.add(new ImportedRow(row.line(), null, invalid.errors()));
            } catch (DomainRuleViolation closed) {
                throw closed; // the event takes no registrations: no row can go in
            }
        }
        return report;
    }

    /**
     * A participant registers themselves on the public page: published events only; others do not exist for the
     * public. What the caller learns must not depend on whether the address was registered before: the same
     * checks run in the same order for both, an address already registered gets its private link mailed again
     * (to the address, never to the caller), and the caller is told only that their registration was received.
     *
     * @param clientNetwork the caller's address as the gateway saw it (an IPv6 /64 as one), for the event's cap
     */
    public Outcome registerThemselves(String eventId, Participant participant, Map<String, String> answers,
            String clientNetwork) {
        Event event = events.find(eventId);
        if (event.status() != EventStatus.PUBLISHED) {
            throw new NotFoundException("Event " + eventId);
        }
        if (!event.openToThePublic(Instant.now())) {
            throw new DomainRuleViolation("registration-not-open", "Registration for this event is not open now");
        }
        Map<String, String> checked = event.checkAnswers(answers);
        boolean counted = perAddress.take(event, clientNetwork);
        Outcome outcome;
        try {
            outcome = register(event, events.citiesOf(event), participant, checked, "self");
        } catch (RuntimeException failed) {
            if (counted) {
                perAddress.giveBack(event, clientNetwork);
            }
            throw failed;
        }
        if (!outcome.created()) {
            if (counted) {
                perAddress.giveBack(event, clientNetwork);
            }
            linkRequests.request(outcome.registration());
        }
        return outcome;
    }

    /** Cancels a registration for an organiser of the event. */
    public Registration cancelByOrganiser(CityUser user, String eventId, String registrationId) {
        Managed managed = managed(user, eventId, registrationId);
        return waitingList.cancel(managed.registration(), managed.cities());
    }

    /** A registration an organiser manages, with the cities of its event (404 and 403 as the access rule says). */
    private record Managed(Registration registration, Set<String> cities) {
    }

    private Managed managed(CityUser user, String eventId, String registrationId) {
        EventService.Visible visible = events.visible(user, eventId);
        Event event = visible.event();
        Set<String> cities = visible.cities();
        AccessRule.requireWritable(user, EventService.AREA, CityUser.EVENT_ORGANISER, cities, "Event " + eventId);
        ParticipantAccess.requireMayReadPeople(user, event, cities);
        Registration registration = registrations.findById(registrationId)
                .filter(found -> found.eventId().equals(eventId))
                .orElseThrow(() -> new NotFoundException("Registration " + registrationId));
        return new Managed(registration, cities);
    }

    /**
     * Check-in: an organiser marks a participant attended in a session, or absent. The session may be left out
     * when the event has only one.
     */
    public Registration markAttendance(CityUser user, String eventId, String registrationId, String sessionId,
            boolean attended) {
        Managed managed = managed(user, eventId, registrationId);
        Event event = events.find(eventId);
        String session = sessionId;
        if (session == null || session.isBlank()) {
            if (event.sessions().size() > 1) {
                throw InvalidFields.of("sessionId", "session-required", "This event has " + event.sessions().size() + " sessions; name one");
            }
            session = event.sessions().isEmpty() ? "main" : event.sessions().get(0).id();
        } else if (event.session(session) == null) {
            throw InvalidFields.of("sessionId", "no-such-session", "The event has no session " + session);
        }
        return waitingList.attendance(managed.registration(), session, attended, managed.cities());
    }

    /** After an event changed: a cancelled one cancels its registrations, a completed one marks no-shows, more room promotes. */
    public void eventChanged(String eventId) {
        Event event = events.findIfExists(eventId);
        if (event == null) {
            return; // an event of a wiped test or demo store: nothing to do
        }
        Set<String> cities = events.citiesOf(event);
        switch (event.status()) {
            case CANCELLED -> waitingList.cancelAllOf(eventId, cities);
            case COMPLETED -> waitingList.markNoShows(eventId, cities);
            default -> waitingList.promote(eventId, cities);
        }
    }

    /** An event with all its registrations in the order they came, for the organisers' download. */
    /** Writes an export of an event's registrations; the rows come from a cursor as they are read. */
    @FunctionalInterface
    public interface ExportWriter {
        void write(Event event, Iterable<Registration> registrations) throws java.io.IOException;
    }

    /** The event's registrations in the order they came, streamed to the writer: a big event is never read whole. */
    public void export(CityUser user, String eventId, ExportWriter writer) throws java.io.IOException {
        EventService.Visible visible = events.visible(user, eventId);
        Event event = visible.event();
        ParticipantAccess.requireMayReadPeople(user, event, visible.cities());
        try (java.util.stream.Stream<Registration> rows = registrations.streamByEventId(event.id(), Sort.by("createdAt", "_id"))) {
            writer.write(event, rows::iterator);
        }
    }

    /** The participant's own view through the private link. */
    public Registration byPrivateToken(String token) {
        return registrations.findByPrivateToken(token)
                .orElseThrow(() -> new NotFoundException("Registration"));
    }

    /** The participant cancels, or leaves the waiting list, through the private link. */
    public Registration cancelByPrivateToken(String token) {
        Registration registration = byPrivateToken(token);
        Event event = events.find(registration.eventId());
        return waitingList.cancel(registration, events.citiesOf(event));
    }

    /** The person takes the place offered to them through the private link (409 offer-not-open once expired or answered). */
    public Registration acceptOfferByPrivateToken(String token) {
        return answerOffer(token, true);
    }

    /** The person declines the place offered to them; it goes to the next waiting (409 offer-not-open as above). */
    public Registration declineOfferByPrivateToken(String token) {
        return answerOffer(token, false);
    }

    private Registration answerOffer(String token, boolean accepted) {
        Registration registration = byPrivateToken(token);
        return waitingList.answerOffer(registration, accepted, events.citiesOf(events.find(registration.eventId())));
    }

    /** Place in the waiting list (1 = next to be promoted), or 0 when not waitlisted. */
    public long waitingListPosition(Registration registration) {
        if (registration.status() != RegistrationStatus.WAITLISTED) {
            return 0;
        }
        return 1 + (registration.waitingNumber() == null
                ? registrations.countAheadWithoutNumber(registration.eventId(), registration.createdAt())
                : registrations.countAhead(registration.eventId(), registration.waitingNumber()));
    }

    /** The place of a registration just made or repeated: the one its joining told, counted for a repeat. */
    public long waitingListPosition(Outcome outcome) {
        return outcome.joinedPlace() > 0 ? outcome.joinedPlace() : waitingListPosition(outcome.registration());
    }

    /**
     * The places in the waiting list of a page of the event's registrations (by registration id; 0 off the list), as
     * {@link #waitingListPosition} gives each. A page that is a slice of the list in arrival order ({@code wholeSpan}:
     * no words searched, the waitlisted not filtered out) needs one count and one read, whatever its size: those ahead
     * of its lowest waiting number are counted, and the numbers from its lowest to its highest are read (the index
     * alone on MongoDB). A row's place follows from its number's rank among them: people who registered at the same
     * moment may have joined the list the other way round, so the span can hold numbers of other pages. Any other
     * page (searched by words, in name order), and a page with people who joined before numbers were handed out,
     * counts for each waitlisted row.
     */
    public Map<String, Long> waitingListPositions(List<Registration> page, boolean wholeSpan) {
        Map<String, Long> positions = new HashMap<>();
        List<Registration> waiting = new ArrayList<>();
        for (Registration registration : page) {
            positions.put(registration.id(), 0L);
            if (registration.status() == RegistrationStatus.WAITLISTED) {
                waiting.add(registration);
            }
        }
        if (waiting.isEmpty()) {
            return positions;
        }
        if (!wholeSpan || waiting.stream().anyMatch(registration -> registration.waitingNumber() == null)) {
            waiting.forEach(registration -> positions.put(registration.id(), waitingListPosition(registration)));
            return positions;
        }
        waiting.sort(Comparator.comparing(Registration::waitingNumber));
        String eventId = waiting.get(0).eventId();
        long lowest = waiting.get(0).waitingNumber();
        long ahead = registrations.countAhead(eventId, lowest);
        List<Long> span = registrations.waitingNumbersBetween(eventId, lowest, waiting.get(waiting.size() - 1).waitingNumber())
                .stream().map(Registration::waitingNumber).toList();
        for (Registration registration : waiting) {
            int rank = Collections.binarySearch(span, registration.waitingNumber());
            // a row that left the list since the page was read (its number not among those read) is counted alone
            positions.put(registration.id(), rank >= 0 ? ahead + 1 + rank : waitingListPosition(registration));
        }
        return positions;
    }

    /** A registration by id for the mails (no caller: the mail goes to the registrant); null when gone (erased). */
    public Registration findForMail(String registrationId) {
        return registrations.findById(registrationId).orElse(null);
    }

    /** {@link #findForMail(String)} for many at once, in one read: the registrations found, by id (the erased are missing). */
    public Map<String, Registration> findForMail(Collection<String> registrationIds) {
        Map<String, Registration> found = new HashMap<>();
        registrations.findAllById(registrationIds).forEach(registration -> found.put(registration.id(), registration));
        return found;
    }

    public Event eventOf(Registration registration) {
        return events.find(registration.eventId());
    }

    private Outcome register(Event event, Set<String> cities, Participant participant,
            Map<String, String> givenAnswers, String registeredBy) {
        String eventId = event.id();
        if (!event.acceptsRegistrations()) {
            throw new DomainRuleViolation("registration-closed", "The event is " + event.status() + "; it takes no registrations");
        }
        // before the lookup: a known address and a new one get the same answer to a bad business ID
        participant = participant.withBusinessId(event.checkedBusinessId(participant.organisationName(), participant.businessId()));
        var existing = registrations.findByEventIdAndEmail(eventId, Registration.normalise(participant.email()));
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false, event);
        }
        Map<String, String> answers = event.checkAnswers(givenAnswers);
        Instant now = Instant.now();
        List<Consent> consents = event.questions().stream()
                .filter(question -> question.kind() == Question.Kind.CONSENT && "true".equals(answers.get(question.id())))
                .map(question -> new Consent(question.consentPurpose(), question.policyVersion(),
                        question.policyUrl(), now))
                .toList();
        // no try for a place that the counter would refuse: in a burst, one write on the event instead of two
        boolean placeTaken = !event.fullWithPeopleWaiting() && seats.takePlace(eventId);
        // the waiting list is joined before the registration is stored: the number it hands out is the list's order
        SeatCounter.Joined joined = placeTaken ? null : seats.joinWaitingList(eventId);
        Registration registration = Registration.of(UUID.randomUUID().toString(), eventId, event.projectId(), participant,
                placeTaken ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, registeredBy, answers, consents,
                emailHash.of(participant.email()), joined == null ? null : joined.number(), cities);
        try {
            Registration saved = registrations.insert(registration);
            return new Outcome(saved, true, event, joined == null ? 0 : joined.place());
        } catch (DuplicateKeyException sameEmailAtTheSameMoment) {
            if (placeTaken) {
                seats.givePlaceBack(eventId);
            } else {
                seats.leaveWaitingList(eventId); // the number stays unused: a gap the order does not mind
            }
            return new Outcome(registrations.findByEventIdAndEmail(eventId, registration.email()).orElseThrow(), false, event);
        }
    }

    public Page<Registration> list(CityUser user, String eventId, Pageable pageable) {
        EventService.Visible visible = events.visible(user, eventId);
        Event event = visible.event();
        ParticipantAccess.requireMayReadPeople(user, event, visible.cities());
        return registrations.findByEventId(eventId, pageable);
    }
}
