package fi.ecosystem.projects.project;

import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The projects' contact lists and the audit trail's pictures of them, rewritten in place when a person is erased.
 * The erasure (gdpr) decides what changes; the writing stays here, beside the aggregate, as every write of a project
 * does. No event is recorded: contacts-service announced the erasure, and the lists keep their roles.
 */
@Component
public class ProjectContactLists {

    private final MongoTemplate mongo;

    ProjectContactLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Every project that has contact persons: {@code rewrite} gets its list as stored and answers the list to store,
     * or null to leave the project as it is. Returns how many projects changed.
     */
    public long rewrite(Function<Object, Object> rewrite) {
        String projects = mongo.getCollectionName(Project.class);
        Query withContacts = new Query(Criteria.where("contacts.0").exists(true));
        withContacts.fields().include("_id").include("contacts");
        long changed = 0;
        for (Document project : mongo.find(withContacts, Document.class, projects)) {
            Object rewritten = rewrite.apply(project.get("contacts"));
            if (rewritten != null) {
                // the version moves on: a concurrent save of a stale copy fails instead of bringing the person back
                mongo.updateFirst(new Query(Criteria.where("_id").is(project.get("_id"))),
                        new Update().set("contacts", rewritten).inc("version", 1), projects);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Every audit entry that changed a contact list: {@code rewrite} gets the entry as stored and answers the entry to
     * store, or null to leave it. Returns how many entries changed.
     */
    public long rewriteAudit(Function<Document, Object> rewrite) {
        String audit = mongo.getCollectionName(ProjectAudit.Entry.class);
        long changed = 0;
        for (Document entry : mongo.find(new Query(Criteria.where("changes.field").is("contacts")), Document.class, audit)) {
            Object rewritten = rewrite.apply(entry);
            if (rewritten != null) {
                mongo.save(rewritten, audit);
                changed++;
            }
        }
        return changed;
    }
}
