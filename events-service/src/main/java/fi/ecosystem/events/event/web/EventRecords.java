package fi.ecosystem.events.event.web;

import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.api.EventType;
import fi.ecosystem.events.api.QuestionKind;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.events.event.Session;
import java.util.List;

/** The parts of an event as the API's records say them (events-api), for every controller that answers with one. */
public final class EventRecords {

    private EventRecords() {
    }

    public static EventType type(fi.ecosystem.events.event.EventType type) {
        return type == null ? null : EventType.valueOf(type.name());
    }

    public static List<EventResponse.SessionResponse> sessions(List<Session> sessions) {
        return sessions.stream().map(session -> new EventResponse.SessionResponse(session.id(), session.title(),
                session.startsAt(), session.endsAt())).toList();
    }

    public static List<EventResponse.QuestionResponse> questions(List<Question> questions) {
        return questions.stream().map(question -> new EventResponse.QuestionResponse(question.id(),
                QuestionKind.valueOf(question.kind().name()), question.label(), question.required(),
                question.options().stream().map(option -> new EventResponse.Choice(option.id(), option.label())).toList(),
                question.policyUrl(), question.policyVersion(), question.consentPurpose())).toList();
    }

    public static EventResponse.ContactResponse contact(OrganiserContact contact) {
        return contact == null ? null : new EventResponse.ContactResponse(contact.name(), contact.email(), contact.phone());
    }
}
