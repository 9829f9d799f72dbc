package fi.ecosystem.projects.gdpr;

import fi.ecosystem.contracts.EmailHash;
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
 * What projects-service holds about a person: their roles as a project's contact person, and the audit
 * entries whose pictures of the contact list show them (only their own line of it: the other contact
 * persons are other people's data) — of every city's projects, as the export is made for the person
 * ({@link PersonalDataSource}).
 */
@Component
class PersonalDataInProjects implements PersonalDataSource {

    private final MongoTemplate mongo;
    private final EmailHash hashing;

    PersonalDataInProjects(MongoTemplate mongo, EmailHash hashing) {
        this.mongo = mongo;
        this.hashing = hashing;
    }

    @Override
    public Map<String, List<Map<String, Object>>> find(String emailHash) {
        PersonInProjects.Wanted person = new PersonInProjects.Wanted(emailHash, hashing);
        // as the erasure does (ProjectContactErasure): addresses are compared by their keyed hash, so every project
        // with a contact list is read
        Query withContacts = new Query(Criteria.where("contacts.0").exists(true));
        withContacts.fields().include("_id").include("acronym").include("name").include("contacts");
        List<Map<String, Object>> roles = new ArrayList<>();
        for (Document project : mongo.find(withContacts, Document.class, ProjectContactErasure.PROJECTS)) {
            for (Map<?, ?> contact : PersonInProjects.in(project.get("contacts"), person)) {
                Map<String, Object> role = new LinkedHashMap<>();
                role.put("projectId", project.get("_id"));
                role.put("acronym", project.get("acronym"));
                role.put("projectName", PersonalDataReport.plain(project.get("name", Document.class) == null
                        ? Map.of() : project.get("name", Document.class)));
                role.put("name", contact.get("name"));
                role.put("role", contact.get("role"));
                role.put("organisation", contact.get("organisation"));
                role.put("email", contact.get("email"));
                roles.add(role);
            }
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        // also projects whose list no longer names anyone: their audit trail still may
        Query mentioning = new Query(Criteria.where("changes.field").is("contacts")).with(Sort.by("at"));
        for (Document entry : mongo.find(mentioning, Document.class, ProjectContactErasure.AUDIT)) {
            for (Document change : PersonInProjects.contactChanges(entry, person)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("projectId", entry.get("projectId"));
                line.put("at", entry.getDate("at") == null ? null : entry.getDate("at").toInstant());
                line.put("action", entry.get("action"));
                line.put("by", entry.get("actorName"));
                line.put("before", PersonInProjects.in(change.get("before"), person));
                line.put("after", PersonInProjects.in(change.get("after"), person));
                entries.add(line);
            }
        }
        Map<String, List<Map<String, Object>>> items = new LinkedHashMap<>();
        items.put("projectContacts", roles);
        items.put("auditEntries", entries);
        return items;
    }
}
