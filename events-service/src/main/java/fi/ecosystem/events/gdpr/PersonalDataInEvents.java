package fi.ecosystem.events.gdpr;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.feedback.Feedback;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import fi.ecosystem.platform.privacy.PersonalDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What events-service holds about a person: their registrations (status, so also attendance, and whatever
 * else a registration stores, e.g. answers), each with its event — its title, time, sessions and questions, which say
 * what the registration's session ids and answers mean — of every city's events, as the export is made for the
 * person ({@link PersonalDataSource}); the certificates of attendance issued to them; and their answers to the
 * surveys after events (score and free text).
 */
@Component
class PersonalDataInEvents implements PersonalDataSource {

    private final MongoTemplate mongo;
    private final Feedback feedback;

    PersonalDataInEvents(MongoTemplate mongo, Feedback feedback) {
        this.mongo = mongo;
        this.feedback = feedback;
    }

    @Override
    public Map<String, List<Map<String, Object>>> find(String emailHash) {
        List<Map<String, Object>> registrations = new ArrayList<>();
        Query byPerson = new Query(Criteria.where("emailHash").is(emailHash)).with(Sort.by("createdAt", "_id"));
        for (Document registration : mongo.find(byPerson, Document.class, "registrations")) {
            Event event = mongo.findById(registration.getString("eventId"), Event.class);
            Map<String, Object> line = new LinkedHashMap<>(PersonalDataReport.plain(registration));
            if (event == null) { // events are not deleted; were one missing, the registration is still the person's
                line.put("event", Map.of("id", String.valueOf(registration.get("eventId"))));
                registrations.add(line);
                continue;
            }
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("id", event.id());
            about.put("title", event.title());
            about.put("type", event.type());
            about.put("startsAt", event.startsAt());
            about.put("projectId", event.projectId());
            // what the registration's session ids and answers mean, so the person's document can say it in words
            about.put("sessions", event.sessions().stream().map(session -> {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("id", session.id());
                named.put("title", session.title());
                named.put("startsAt", session.startsAt());
                return named;
            }).toList());
            about.put("questions", event.questions().stream().map(question -> {
                Map<String, Object> asked = new LinkedHashMap<>();
                asked.put("id", question.id());
                asked.put("kind", question.kind());
                asked.put("label", question.label());
                asked.put("options", question.options());
                return asked;
            }).toList());
            line.put("event", about);
            registrations.add(line);
        }
        List<Map<String, Object>> certificates = new ArrayList<>();
        for (Document certificate : mongo.find(new Query(Criteria.where("emailHash").is(emailHash)).with(Sort.by("issuedAt")),
                Document.class, "certificates")) {
            certificates.add(PersonalDataReport.plain(certificate));
        }
        return Map.of("registrations", registrations, "certificates", certificates, "feedback", feedback.of(emailHash));
    }
}
