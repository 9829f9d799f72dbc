package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * What organisers write of an event, for the draft and every edit. Sessions and questions without an id
 * get one; ids sent back on an edit keep attendance and answers attached to their session or question.
 * {@code maxRegistrationsPerAddress} caps the public self-registrations that one client address (an IPv6 /64
 * counts as one) may make for the event; null leaves them uncapped. {@code contact} is whom participants ask
 * about the event (null: nobody named). {@code excludedFromReports} marks a test or internal meeting that funder
 * reports do not count; {@code businessIdAsked} whether registrants give their organisation and business ID.
 * {@code offerHours}: a freed place is offered to the first waiting for that many hours (null: promoted at once);
 * {@code reminders}: the organisers' reminders (none: the default one a day before).
 */
public record EventDetails(
        EventType type,
        LocalizedText title,
        LocalizedText description,
        String organisation,
        String venue,
        String onlineUrl,
        int capacity,
        List<Session> sessions,
        Integer sessionsToComplete,
        List<Question> questions,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        Integer maxRegistrationsPerAddress,
        OrganiserContact contact,
        boolean excludedFromReports,
        BusinessIdAsked businessIdAsked,
        Integer offerHours,
        List<Reminder> reminders) {

    /** Details of an event that promotes at once and keeps the default reminder. */
    public EventDetails(EventType type, LocalizedText title, LocalizedText description, String organisation, String venue,
            String onlineUrl, int capacity, List<Session> sessions, Integer sessionsToComplete, List<Question> questions,
            Instant registrationOpensAt, Instant registrationClosesAt, Integer maxRegistrationsPerAddress,
            OrganiserContact contact, boolean excludedFromReports, BusinessIdAsked businessIdAsked) {
        this(type, title, description, organisation, venue, onlineUrl, capacity, sessions, sessionsToComplete, questions,
                registrationOpensAt, registrationClosesAt, maxRegistrationsPerAddress, contact, excludedFromReports,
                businessIdAsked, null, List.of());
    }

    /** Details of an event counted in reports that does not ask for a business ID. */
    public EventDetails(EventType type, LocalizedText title, LocalizedText description, String organisation, String venue,
            String onlineUrl, int capacity, List<Session> sessions, Integer sessionsToComplete, List<Question> questions,
            Instant registrationOpensAt, Instant registrationClosesAt, Integer maxRegistrationsPerAddress,
            OrganiserContact contact) {
        this(type, title, description, organisation, venue, onlineUrl, capacity, sessions, sessionsToComplete, questions,
                registrationOpensAt, registrationClosesAt, maxRegistrationsPerAddress, contact, false, BusinessIdAsked.NOT_ASKED);
    }

    /** Details without an organiser contact. */
    public EventDetails(EventType type, LocalizedText title, LocalizedText description, String organisation, String venue,
            String onlineUrl, int capacity, List<Session> sessions, Integer sessionsToComplete, List<Question> questions,
            Instant registrationOpensAt, Instant registrationClosesAt, Integer maxRegistrationsPerAddress) {
        this(type, title, description, organisation, venue, onlineUrl, capacity, sessions, sessionsToComplete, questions,
                registrationOpensAt, registrationClosesAt, maxRegistrationsPerAddress, null, false, BusinessIdAsked.NOT_ASKED);
    }

    /** Details without a cap on public registrations per client address (the default: no cap). */
    public EventDetails(EventType type, LocalizedText title, LocalizedText description, String organisation, String venue,
            String onlineUrl, int capacity, List<Session> sessions, Integer sessionsToComplete, List<Question> questions,
            Instant registrationOpensAt, Instant registrationClosesAt) {
        this(type, title, description, organisation, venue, onlineUrl, capacity, sessions, sessionsToComplete, questions,
                registrationOpensAt, registrationClosesAt, null, null, false, BusinessIdAsked.NOT_ASKED);
    }

    public List<Session> sessions() {
        return sessions == null ? List.of() : sessions;
    }

    public List<Question> questions() {
        return questions == null ? List.of() : questions;
    }

    public List<Reminder> reminders() {
        return reminders == null ? List.of() : reminders;
    }

    public BusinessIdAsked businessIdAsked() {
        return businessIdAsked == null ? BusinessIdAsked.NOT_ASKED : businessIdAsked;
    }
}
