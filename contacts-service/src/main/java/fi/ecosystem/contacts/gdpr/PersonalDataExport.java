package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.Participation;
import fi.ecosystem.contacts.contact.ParticipationHistory;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Everything the platform holds about a person, from every service: contacts-service's own record of them
 * and what each other service answers for the caller (see {@link OtherServices}). Every export is audited.
 */
@Service
public class PersonalDataExport {

    /** Search and sorting keys made from the name shown above, and the ids of its word-index entries: nothing of their own to show. */
    static final List<String> DERIVED = List.of("searchTokens", "organisationTokens", "nameKey", "nameKeys", "sortName",
            "indexedWords");

    private final MongoTemplate mongo;
    private final OtherServices others;
    private final PrivacyAudit audit;
    private final String service;
    private final ParticipationHistory history;

    PersonalDataExport(MongoTemplate mongo, OtherServices others, PrivacyAudit audit,
            @Value("${spring.application.name}") String service, ParticipationHistory history) {
        this.history = history;
        this.mongo = mongo;
        this.others = others;
        this.audit = audit;
        this.service = service;
    }

    /**
     * @param language the language of the readable document: the person's own (Finnish when unknown) unless the caller chose
     * @param sources  what each service holds, contacts-service first
     */
    public record Export(String contactId, Instant generatedAt, Requester requestedBy, String language,
            List<PersonalDataReport> sources) {

        public Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            sources.forEach(source -> source.counts().forEach((kind, count) -> counts.put(source.service() + "/" + kind, count)));
            return counts;
        }
    }

    public record Requester(String name, Set<String> cities) {
    }

    /** The contact is one the caller may see (checked by the caller of this method). */
    public Export of(CityUser user, Contact contact, String language) {
        Document stored = mongo.findById(contact.id(), Document.class, PersonErasure.CONTACTS);
        Map<String, Object> person = PersonalDataReport.plain(stored == null ? Map.of() : stored);
        List<Map<String, Object>> participations = history.of(contact.id()).stream().map(PersonalDataExport::line).toList();
        DERIVED.forEach(person::remove);
        List<PersonalDataReport> sources = new ArrayList<>();
        Map<String, List<Map<String, Object>>> own = new LinkedHashMap<>();
        own.put("contact", List.of(person));
        own.put("participations", participations);
        own.put("privacyAudit", audit.of(contact.id()).stream().map(PersonalDataExport::auditLine).toList());
        sources.add(new PersonalDataReport(service, own));
        if (contact.anonymisedAt() == null) {
            sources.addAll(fromOtherServices(contact));
        }
        String chosen = language != null ? language : contact.language() != null ? contact.language() : "fi";
        Export export = new Export(contact.id(), Instant.now(), new Requester(user.displayName(), user.cities()), chosen,
                sources);
        audit.exported(user, contact.id(), export.counts());
        return export;
    }

    /** What the other services hold under each address the person has had (people merged into them too). */
    private List<PersonalDataReport> fromOtherServices(Contact contact) {
        Set<String> addresses = new java.util.LinkedHashSet<>();
        if (contact.email() != null) {
            addresses.add(contact.email());
        }
        addresses.addAll(contact.otherEmails());
        Map<String, Map<String, List<Map<String, Object>>>> byService = new LinkedHashMap<>();
        for (String address : addresses) {
            for (PersonalDataReport report : others.personalData(address, contact.id())) {
                Map<String, List<Map<String, Object>>> items = byService.computeIfAbsent(report.service(), service -> new LinkedHashMap<>());
                report.items().forEach((kind, list) -> items.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
            }
        }
        List<PersonalDataReport> reports = new ArrayList<>();
        byService.forEach((service, items) -> reports.add(new PersonalDataReport(service, items)));
        return reports;
    }

    /** The person may know who handled their data, when and why: the audit lines about them, without the ids of the staff. */
    private static Map<String, Object> auditLine(PrivacyAudit.Entry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", entry.at());
        line.put("service", entry.service());
        line.put("action", entry.action());
        line.put("by", entry.actorName());
        line.put("cities", entry.actorCities());
        return line;
    }

    /** A line of the participation history, as the person's record held it before it had a collection of its own. */
    private static Map<String, Object> line(Participation participation) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("registrationId", participation.registrationId());
        line.put("eventId", participation.eventId());
        line.put("projectId", participation.projectId());
        line.put("status", participation.status());
        line.put("at", participation.at());
        return line;
    }
}
