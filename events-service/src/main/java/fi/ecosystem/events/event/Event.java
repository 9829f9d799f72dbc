package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.platform.messaging.Aggregate;
import fi.ecosystem.platform.messaging.RecordedEvent;
import fi.ecosystem.contracts.organisations.BusinessId;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import fi.ecosystem.platform.web.InvalidFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A growth programme, webinar, seminar… of a project. {@code confirmedCount} is changed only by the
 * guarded atomic update in {@link SeatCounter}, never by saving this object, so concurrent registrations
 * can never confirm more people than {@code capacity}. Each change records {@code event.changed} with the cities
 * of the event's project, which saving the event publishes.
 */
@Document("events")
// finds the events whose waiting list has people while a place is free ({@link SeatCounter#freeWhilePeopleWait})
@CompoundIndex(name = "waiting_ahead", def = "{'waitlistedCount': 1, 'startsAt': 1}")
public class Event extends Aggregate {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_SESSIONS = 100;
    private static final int MAX_QUESTIONS = 50;
    private static final int MAX_REMINDERS = 5;
    /** The longest an offered place may be held: two weeks. */
    public static final int MAX_OFFER_HOURS = 336;

    @Id
    private String id;
    @Indexed
    private String projectId;
    private EventType type;
    private LocalizedText title;
    private LocalizedText description;
    private String organisingCity;
    /** The organisation that runs it, e.g. a development company of the city. */
    private String organisation;
    private String venue;
    private String onlineUrl;
    private int capacity;
    private int confirmedCount;
    /** How many wait for a place; like confirmedCount, changed only by {@link SeatCounter} (a guarded increment). */
    private int waitlistedCount;
    /** Waiting numbers handed out (the last one); only {@link SeatCounter} changes it, and it never goes down. */
    private long waitingNumbers;
    private List<Session> sessions = new ArrayList<>();
    /** Attended sessions needed to complete a growth programme (null: all of them). */
    private Integer sessionsToComplete;
    private List<Question> questions = new ArrayList<>();
    /** The first session's start and the last one's end, kept for sorting, the feed and reminders. */
    @Indexed
    private Instant startsAt;
    /** Also finds the events just ended, for the survey after them ({@code FeedbackInvitations}). */
    @Indexed
    private Instant endsAt;
    /** The public may register from this moment (null: as soon as published)… */
    private Instant registrationOpensAt;
    /** …until this one (null: until the event starts). */
    private Instant registrationClosesAt;
    /** Public self-registrations one client address may make (null: no cap); see {@code RegistrationsPerAddress}. */
    private Integer maxRegistrationsPerAddress;
    /** Whom participants ask about the event, shown on the public pages and in the mails (null: nobody named). */
    private OrganiserContact contact;
    /** A test or internal meeting: funder reports do not count it. */
    private boolean excludedFromReports;
    /** Whether registrants give their organisation and business ID (null in events stored before: not asked). */
    private BusinessIdAsked businessIdAsked;
    /**
     * How a freed place leaves the waiting list: null promotes the first waiting at once (the default); a number
     * offers it to them for that many hours, to accept or decline (see {@link #offerDeadline}).
     */
    private Integer offerHours;
    /** The organisers' reminders (at most a few); none: the service's default reminder a day before. */
    private List<Reminder> reminders = new ArrayList<>();
    private EventStatus status;
    private Instant createdAt;
    @Version
    private Long version;

    protected Event() {
    }

    public static Event draft(String id, String projectId, String organisingCity, EventDetails details,
            Collection<String> cities) {
        Event event = new Event();
        event.id = id;
        event.projectId = projectId;
        event.organisingCity = organisingCity;
        event.status = EventStatus.DRAFT;
        event.createdAt = Instant.now();
        event.apply(details);
        event.recordChanged(cities);
        return event;
    }

    /** Changes what organisers write of the event; capacity may not drop below the places already given. */
    public void edit(EventDetails details, Collection<String> cities) {
        if (status == EventStatus.CANCELLED || status == EventStatus.COMPLETED) {
            throw new DomainRuleViolation("event-closed", "A " + status.name().toLowerCase() + " event is not edited any more");
        }
        if (details.capacity() < confirmedCount) {
            throw new DomainRuleViolation("capacity-below-confirmed",
                    "Capacity " + details.capacity() + " is below the " + confirmedCount + " places already confirmed");
        }
        apply(details);
        recordChanged(cities);
    }

    private void apply(EventDetails details) {
        List<InvalidFields.FieldError> errors = new ArrayList<>();
        if (details.type() == null) {
            errors.add(new InvalidFields.FieldError("type", "NotNull", "must not be null"));
        }
        if (details.title() == null || details.title().in("fi").isBlank()) {
            errors.add(new InvalidFields.FieldError("title", "title-missing", "An event needs a title in at least one language"));
        }
        if (details.capacity() < 1) {
            errors.add(new InvalidFields.FieldError("capacity", "capacity-invalid", "Capacity is at least one place"));
        }
        List<Session> checkedSessions = sessions(details.sessions(), errors);
        List<Question> checkedQuestions = questions(details.questions(), errors);
        Integer toComplete = details.sessionsToComplete();
        if (toComplete != null && (toComplete < 1 || toComplete > Math.max(1, checkedSessions.size()))) {
            errors.add(new InvalidFields.FieldError("sessionsToComplete", "sessions-to-complete",
                    "must be between 1 and the number of sessions (" + checkedSessions.size() + ")"));
        }
        if (details.maxRegistrationsPerAddress() != null && details.maxRegistrationsPerAddress() < 1) {
            errors.add(new InvalidFields.FieldError("maxRegistrationsPerAddress", "Min", "must be at least 1, or left out for no cap"));
        }
        if (details.registrationOpensAt() != null && details.registrationClosesAt() != null
                && !details.registrationClosesAt().isAfter(details.registrationOpensAt())) {
            errors.add(new InvalidFields.FieldError("registrationClosesAt", "closes-before-opens", "Registration closes after it opens"));
        }
        if (details.contact() != null) {
            details.contact().check(errors);
        }
        if (details.offerHours() != null && (details.offerHours() < 1 || details.offerHours() > MAX_OFFER_HOURS)) {
            errors.add(new InvalidFields.FieldError("offerHours", "offer-hours",
                    "An offer is valid from 1 to " + MAX_OFFER_HOURS + " hours, or left out for promotion at once"));
        }
        List<Reminder> checkedReminders = reminders(details.reminders(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        type = details.type();
        title = details.title();
        description = details.description();
        organisation = details.organisation();
        venue = details.venue();
        onlineUrl = details.onlineUrl();
        capacity = details.capacity();
        sessions = new ArrayList<>(checkedSessions);
        sessionsToComplete = toComplete;
        questions = new ArrayList<>(checkedQuestions);
        startsAt = sessions.isEmpty() ? null : sessions.get(0).startsAt();
        endsAt = sessions.stream().map(Session::endsOrAnHourAfterStart).max(Comparator.naturalOrder()).orElse(null);
        registrationOpensAt = details.registrationOpensAt();
        registrationClosesAt = details.registrationClosesAt();
        maxRegistrationsPerAddress = details.maxRegistrationsPerAddress();
        contact = details.contact();
        excludedFromReports = details.excludedFromReports();
        businessIdAsked = details.businessIdAsked();
        offerHours = details.offerHours();
        reminders = new ArrayList<>(checkedReminders);
    }

    private static List<Reminder> reminders(List<Reminder> given, List<InvalidFields.FieldError> errors) {
        if (given.size() > MAX_REMINDERS) {
            errors.add(new InvalidFields.FieldError("reminders", "too-many-reminders", "at most " + MAX_REMINDERS + " reminders"));
            return List.of();
        }
        List<Reminder> checked = new ArrayList<>();
        Set<Integer> hours = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Reminder reminder = given.get(i);
            String field = "reminders[" + i + "]";
            if (reminder.hoursBefore() < 1 || reminder.hoursBefore() > Reminder.MAX_HOURS) {
                errors.add(new InvalidFields.FieldError(field + ".hoursBefore", "reminder-hours",
                        "A reminder goes 1 to " + Reminder.MAX_HOURS + " hours before the start"));
                continue;
            }
            if (!hours.add(reminder.hoursBefore())) {
                errors.add(new InvalidFields.FieldError(field + ".hoursBefore", "reminder-twice", "Two reminders at the same time"));
                continue;
            }
            LocalizedText text = reminder.text();
            if (text != null && java.util.stream.Stream.of(text.fi(), text.sv(), text.en())
                    .anyMatch(words -> words != null && words.length() > Reminder.MAX_TEXT)) {
                errors.add(new InvalidFields.FieldError(field + ".text", "Size", "at most " + Reminder.MAX_TEXT + " characters"));
            }
            String reminderId = reminder.id() == null || reminder.id().isBlank() ? shortId("r") : reminder.id();
            if (!ID.matcher(reminderId).matches()) {
                errors.add(new InvalidFields.FieldError(field + ".id", "id-format", "must be unique letters, digits, - or _"));
            }
            checked.add(new Reminder(reminderId, reminder.hoursBefore(), text));
        }
        checked.sort(Comparator.comparingInt(Reminder::hoursBefore));
        return checked;
    }

    /**
     * Until when a place freed at {@code now} is offered to the first waiting person, or null when it is given at
     * once: the event promotes at once, or less than the offer's time is left before the event starts (nobody could
     * be sure of their place in time otherwise).
     */
    public Instant offerDeadline(Instant now) {
        if (offerHours == null) {
            return null;
        }
        Instant until = now.plus(java.time.Duration.ofHours(offerHours));
        return startsAt == null || until.isBefore(startsAt) ? until : null;
    }

    private static List<Session> sessions(List<Session> given, List<InvalidFields.FieldError> errors) {
        if (given.size() > MAX_SESSIONS) {
            errors.add(new InvalidFields.FieldError("sessions", "too-many-sessions", "at most " + MAX_SESSIONS + " sessions"));
            return List.of();
        }
        List<Session> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Session session = given.get(i);
            String field = "sessions[" + i + "]";
            String sessionId = session.id() == null || session.id().isBlank() ? shortId("s") : session.id();
            if (!ID.matcher(sessionId).matches() || !ids.add(sessionId)) {
                errors.add(new InvalidFields.FieldError(field + ".id", "id-format", "must be unique letters, digits, - or _"));
            }
            if (session.startsAt() == null) {
                errors.add(new InvalidFields.FieldError(field + ".startsAt", "NotNull", "must not be null"));
                continue;
            }
            if (session.endsAt() != null && !session.endsAt().isAfter(session.startsAt())) {
                errors.add(new InvalidFields.FieldError(field + ".endsAt", "ends-before-start", "A session ends after it starts"));
            }
            checked.add(new Session(sessionId, session.title(), session.startsAt(), session.endsAt()));
        }
        checked.sort(Comparator.comparing(Session::startsAt));
        return checked;
    }

    private static List<Question> questions(List<Question> given, List<InvalidFields.FieldError> errors) {
        if (given.size() > MAX_QUESTIONS) {
            errors.add(new InvalidFields.FieldError("questions", "too-many-questions", "at most " + MAX_QUESTIONS + " questions"));
            return List.of();
        }
        List<Question> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Question question = given.get(i);
            String field = "questions[" + i + "]";
            String questionId = question.id() == null || question.id().isBlank() ? shortId("q") : question.id();
            if (!ID.matcher(questionId).matches() || !ids.add(questionId)) {
                errors.add(new InvalidFields.FieldError(field + ".id", "id-format", "must be unique letters, digits, - or _"));
            }
            if (question.kind() == null) {
                errors.add(new InvalidFields.FieldError(field + ".kind", "question-kind", "must be TEXT, CHOICE or CONSENT"));
                continue;
            }
            if (question.label() == null || question.label().in("fi").isBlank()) {
                errors.add(new InvalidFields.FieldError(field + ".label", "label-missing", "A question needs a label in at least one language"));
            }
            List<Question.Choice> options = new ArrayList<>();
            if (question.kind() == Question.Kind.CHOICE) {
                Set<String> optionIds = new HashSet<>();
                for (int o = 0; o < question.options().size(); o++) {
                    Question.Choice option = question.options().get(o);
                    String optionId = option.id() == null || option.id().isBlank() ? String.valueOf(o + 1) : option.id();
                    if (!ID.matcher(optionId).matches() || !optionIds.add(optionId)
                            || option.label() == null || option.label().in("fi").isBlank()) {
                        errors.add(new InvalidFields.FieldError(field + ".options[" + o + "]", "option-invalid", "needs a unique id and a label"));
                    }
                    options.add(new Question.Choice(optionId, option.label()));
                }
                if (options.size() < 2) {
                    errors.add(new InvalidFields.FieldError(field + ".options", "choice-options", "A choice needs at least two options"));
                }
            }
            if (question.kind() == Question.Kind.CONSENT) {
                if (question.policyVersion() == null || question.policyVersion().isBlank()) {
                    errors.add(new InvalidFields.FieldError(field + ".policyVersion", "policy-version-missing", "A consent names the version of its policy text"));
                }
                if (question.consentPurpose() == null || !List.of("NEWSLETTER", "EVENT_COMMUNICATION", "RESEARCH")
                        .contains(question.consentPurpose())) {
                    errors.add(new InvalidFields.FieldError(field + ".consentPurpose", "consent-purpose",
                            "must be NEWSLETTER, EVENT_COMMUNICATION or RESEARCH"));
                }
            }
            checked.add(new Question(questionId, question.kind(), question.label(), question.required(), options,
                    question.policyUrl(), question.policyVersion(), question.consentPurpose()));
        }
        return checked;
    }

    private static String shortId(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Checks a registrant's answers against the questions: required ones answered, choices among the options,
     * texts not too long, no answers to questions not asked. Returns the answers to keep (blank ones dropped).
     */
    public Map<String, String> checkAnswers(Map<String, String> given) {
        Map<String, String> answers = given == null ? Map.of() : given;
        List<InvalidFields.FieldError> errors = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (String questionId : answers.keySet()) {
            if (questions.stream().noneMatch(question -> question.id().equals(questionId))) {
                errors.add(new InvalidFields.FieldError("answers." + questionId, "no-such-question", "This event asks no such question"));
            }
        }
        for (Question question : questions) {
            String field = "answers." + question.id();
            String answer = answers.get(question.id());
            boolean blank = answer == null || answer.isBlank();
            switch (question.kind()) {
                case TEXT -> {
                    if (!blank && answer.length() > Question.MAX_TEXT) {
                        errors.add(new InvalidFields.FieldError(field, "Size", "at most " + Question.MAX_TEXT + " characters"));
                    }
                }
                case CHOICE -> {
                    if (!blank && question.options().stream().noneMatch(option -> option.id().equals(answer))) {
                        errors.add(new InvalidFields.FieldError(field, "not-an-option", "is not one of the options"));
                    }
                }
                case CONSENT -> {
                    if (!blank && !answer.equals("true") && !answer.equals("false")) {
                        errors.add(new InvalidFields.FieldError(field, "consent-answer", "must be true or false"));
                    }
                    if (question.required() && !"true".equals(answer)) {
                        errors.add(new InvalidFields.FieldError(field, "consent-required", "must be accepted to register"));
                        continue;
                    }
                }
            }
            if (question.required() && blank) {
                errors.add(new InvalidFields.FieldError(field, "NotBlank", "must be answered"));
            }
            if (!blank) {
                kept.put(question.id(), answer.strip());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return kept;
    }

    /**
     * Checks the participant's organisation and business ID as the event asks for them: a required one must be
     * given, a given one must be a valid Y-tunnus. Returns the ID to keep, in its canonical form; null when none was
     * given or the event does not ask (it then keeps neither the ID nor anything derived from it).
     */
    public String checkedBusinessId(String organisationName, String businessId) {
        BusinessIdAsked asked = businessIdAsked();
        String given = businessId == null || businessId.isBlank() ? null : businessId.trim();
        if (asked == BusinessIdAsked.NOT_ASKED) {
            return null;
        }
        List<InvalidFields.FieldError> errors = new ArrayList<>();
        if (asked == BusinessIdAsked.REQUIRED && (organisationName == null || organisationName.isBlank())) {
            errors.add(new InvalidFields.FieldError("organisationName", "NotBlank", "must not be blank"));
        }
        if (given == null && asked == BusinessIdAsked.REQUIRED) {
            errors.add(new InvalidFields.FieldError("businessId", "NotBlank", "must not be blank"));
        } else if (given != null && !BusinessId.isValid(given)) {
            errors.add(new InvalidFields.FieldError("businessId", "business-id-invalid",
                    "must be a Finnish business ID (Y-tunnus) 1234567-8 with a correct check digit"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return given == null ? null : BusinessId.canonical(given);
    }

    /** Is the public registration open at this moment? */
    public boolean openToThePublic(Instant now) {
        Instant closes = registrationClosesAt != null ? registrationClosesAt : startsAt;
        return status == EventStatus.PUBLISHED
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (closes == null || now.isBefore(closes));
    }

    public void publish(Collection<String> cities) {
        if (status != EventStatus.DRAFT) {
            throw new DomainRuleViolation("not-draft", "Only a draft can be published; this event is " + status);
        }
        status = EventStatus.PUBLISHED;
        recordChanged(cities);
    }

    /** Calls the event off; its registrants are told, and it takes no more registrations. */
    public void cancel(Collection<String> cities) {
        if (status != EventStatus.DRAFT && status != EventStatus.PUBLISHED) {
            throw new DomainRuleViolation("not-active", "Only a draft or published event can be cancelled; this one is " + status);
        }
        status = EventStatus.CANCELLED;
        recordChanged(cities);
    }

    /** Marks a published event held; confirmed people never checked in become no-shows. */
    public void complete(Collection<String> cities) {
        if (status != EventStatus.PUBLISHED) {
            throw new DomainRuleViolation("not-published", "Only a published event can be completed; this one is " + status);
        }
        status = EventStatus.COMPLETED;
        recordChanged(cities);
    }

    private void recordChanged(Collection<String> cities) {
        record(RecordedEvent.of(Topics.EVENTS, id, EventChanged.TYPE, EventChanged.VERSION, cities,
                new EventChanged(id, projectId, type.name(), title, status.name(), organisingCity, capacity, startsAt,
                        excludedFromReports, endsAt, sessionsNeededToComplete())));
    }

    public boolean acceptsRegistrations() {
        return status == EventStatus.PUBLISHED || status == EventStatus.DRAFT;
    }

    /**
     * Full with people waiting, as this copy was read: a newcomer joins the waiting list without trying for a place;
     * a place freed since goes to the first waiting ({@code WaitingList.promote}), who is ahead of them anyway.
     */
    public boolean fullWithPeopleWaiting() {
        return confirmedCount >= capacity && waitlistedCount > 0;
    }

    public Session session(String sessionId) {
        return sessions.stream().filter(session -> session.id().equals(sessionId)).findFirst().orElse(null);
    }

    /** Attended sessions that complete the programme: as set, else all sessions (at least one). */
    public int sessionsNeededToComplete() {
        return sessionsToComplete != null ? sessionsToComplete : Math.max(1, sessions.size());
    }

    /** Has someone who attended these sessions completed the event (a growth programme: enough of its sessions)? */
    public boolean completedBy(java.util.Collection<String> attendedSessions) {
        long attendedHere = attendedSessions.stream().filter(sessionId -> session(sessionId) != null).count();
        return attendedHere >= sessionsNeededToComplete();
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

    public LocalizedText description() {
        return description;
    }

    public String organisingCity() {
        return organisingCity;
    }

    public String organisation() {
        return organisation;
    }

    public String venue() {
        return venue;
    }

    public String onlineUrl() {
        return onlineUrl;
    }

    public int capacity() {
        return capacity;
    }

    public int confirmedCount() {
        return confirmedCount;
    }

    public int waitlistedCount() {
        return waitlistedCount;
    }

    /** The last waiting number handed out (0 before anyone joined the waiting list). */
    public long waitingNumbers() {
        return waitingNumbers;
    }

    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    public Integer sessionsToComplete() {
        return sessionsToComplete;
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Instant registrationOpensAt() {
        return registrationOpensAt;
    }

    public Instant registrationClosesAt() {
        return registrationClosesAt;
    }

    public Integer maxRegistrationsPerAddress() {
        return maxRegistrationsPerAddress;
    }

    public OrganiserContact contact() {
        return contact;
    }

    public EventStatus status() {
        return status;
    }

    public boolean excludedFromReports() {
        return excludedFromReports;
    }

    public BusinessIdAsked businessIdAsked() {
        return businessIdAsked == null ? BusinessIdAsked.NOT_ASKED : businessIdAsked;
    }

    public Integer offerHours() {
        return offerHours;
    }

    /** The organisers' reminders, nearest to the start first; empty: the default reminder. */
    public List<Reminder> reminders() {
        return reminders == null ? List.of() : List.copyOf(reminders);
    }

}
