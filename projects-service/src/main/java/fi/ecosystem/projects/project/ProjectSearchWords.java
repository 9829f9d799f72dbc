package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At start, brings the stored search words of projects saved by an older tokenizer (which kept accents:
 * "tillväxt") to the shared one, so that "tillvaxt" finds them. Only the derived words change, in bulk;
 * a project whose words are current is not written.
 */
@Component
class ProjectSearchWords implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectSearchWords.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;

    ProjectSearchWords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        long refreshed = refresh();
        if (refreshed > 0) {
            log.info("Search words of {} projects brought to the shared tokenizer", refreshed);
        }
    }

    long refresh() {
        Query all = new Query();
        all.fields().include("acronym", "name", "searchTokens");
        List<Document> stale = new ArrayList<>();
        long refreshed = 0;
        for (Document project : mongo.find(all, Document.class, "projects")) {
            Set<String> current = Project.searchWords(project.getString("acronym"), name(project.get("name", Document.class)));
            List<String> stored = project.getList("searchTokens", String.class, List.of());
            if (!Set.copyOf(stored).equals(current) || stored.size() != current.size()) {
                stale.add(new Document("_id", project.get("_id")).append("words", List.copyOf(current)));
            }
            if (stale.size() == BATCH) {
                refreshed += write(stale);
            }
        }
        return refreshed + write(stale);
    }

    private int write(List<Document> stale) {
        if (stale.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Project.class);
        for (Document project : stale) {
            bulk.updateOne(new Query(Criteria.where("_id").is(project.get("_id"))),
                    new Update().set("searchTokens", project.get("words")));
        }
        int written = bulk.execute().getModifiedCount();
        stale.clear();
        return written;
    }

    private static LocalizedText name(Document name) {
        return name == null ? null : new LocalizedText(name.getString("fi"), name.getString("sv"), name.getString("en"));
    }
}
