package fi.ecosystem.events.gdpr;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.platform.privacy.PersonalDataAccess;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.security.CityUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * What events-service holds about a person: their registrations (status, so also attendance, and whatever
 * else a registration stores, e.g. answers), each with its event. Only registrations of events whose
 * project a city of the caller takes part in: the access rule.
 */
@Service
public class PersonalDataExport {

    private final MongoTemplate mongo;
    private final EventService events;
    private final PrivacyAudit audit;
    private final String service;

    PersonalDataExport(MongoTemplate mongo, EventService events, PrivacyAudit audit,
            @Value("${spring.application.name}") String service) {
        this.mongo = mongo;
        this.events = events;
        this.audit = audit;
        this.service = service;
    }

    public PersonalDataReport of(CityUser user, String emailSha256, String contactId) {
        PersonalDataAccess.requireMayExport(user);
        List<Map<String, Object>> registrations = new ArrayList<>();
        Query byPerson = new Query(Criteria.where("emailSha256").is(emailSha256)).with(Sort.by("createdAt", "_id"));
        for (Document registration : mongo.find(byPerson, Document.class, "registrations")) {
            Event event = mongo.findById(registration.getString("eventId"), Event.class);
            if (event == null || !user.sharesCityWith(events.citiesOf(event))) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>(PersonalDataReport.plain(registration));
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("id", event.id());
            about.put("title", event.title());
            about.put("type", event.type());
            about.put("startsAt", event.startsAt());
            about.put("projectId", event.projectId());
            line.put("event", about);
            registrations.add(line);
        }
        PersonalDataReport report = new PersonalDataReport(service, Map.of("registrations", registrations));
        audit.exported(user, contactId, report.counts());
        return report;
    }
}
