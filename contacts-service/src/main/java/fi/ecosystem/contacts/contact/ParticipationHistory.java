package fi.ecosystem.contacts.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The people's participation histories: one {@link ParticipationLine} per registration in a collection of their own,
 * found by the person ({@code {contactId, at}} index). A person's record keeps only the projects they took part in
 * (bounded by the projects), which the access rule needs. Lines are written in bulk and replace the line of their
 * registration, so a redelivered event changes nothing. A merge moves the duplicate's lines; erasure keeps them
 * (statistics; they name no person).
 */
@Component
public class ParticipationHistory implements InitializingBean {

    /** Where the history was before: an array in each person's record, moved out once at start. */
    static final String LEGACY_FIELD = "participations";
    private static final Logger log = LoggerFactory.getLogger(ParticipationHistory.class);
    private static final int BULK = 1_000;

    private final MongoTemplate mongo;

    ParticipationHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes the lines in one bulk write, each replacing the line of its registration (or added). */
    void write(Collection<ParticipationLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ParticipationLine.class);
        for (ParticipationLine line : lines) {
            bulk.replaceOne(new Query(Criteria.where("_id").is(line.registrationId())), line,
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    /** One person's history, the earliest first. */
    public List<Participation> of(String contactId) {
        return of(List.of(contactId)).getOrDefault(contactId, List.of());
    }

    /** The histories of these people (one query), each the earliest first; a person without lines is absent. */
    Map<String, List<Participation>> of(Collection<String> contactIds) {
        Map<String, List<Participation>> histories = new LinkedHashMap<>();
        if (contactIds.isEmpty()) {
            return histories;
        }
        Query query = new Query(Criteria.where("contactId").in(contactIds))
                .with(Sort.by("contactId", "at", "_id"));
        for (ParticipationLine line : mongo.find(query, ParticipationLine.class)) {
            histories.computeIfAbsent(line.contactId(), id -> new ArrayList<>()).add(line.participation());
        }
        return histories;
    }

    /** Loads the histories of these people into them (one query), for their views. */
    void load(Collection<Contact> people) {
        Map<String, List<Participation>> histories = of(people.stream().map(Contact::id).toList());
        people.forEach(person -> person.historyRead(histories.getOrDefault(person.id(), List.of())));
    }

    /** A merge: the duplicate's lines become the survivor's. Running it again finds nothing left to move. */
    void move(String fromContactId, String toContactId) {
        mongo.updateMulti(new Query(Criteria.where("contactId").is(fromContactId)),
                new Update().set("contactId", toContactId), ParticipationLine.class);
    }

    /**
     * Moves the histories still held in people's records into the collection, before anything can save a person
     * (a save writes the record without the old array). A line is added only where its registration has none yet
     * (a newer one stays); the record then gets the projects of its lines and loses the array. Running it again
     * finds nothing left to move.
     */
    @Override
    public void afterPropertiesSet() {
        Query holding = new Query(Criteria.where(LEGACY_FIELD).exists(true));
        holding.fields().include(LEGACY_FIELD, "_id");
        BulkOperations lines = null;
        BulkOperations people = null;
        int pending = 0;
        int pendingLines = 0;
        long moved = 0;
        try (var stream = mongo.stream(holding, Document.class, mongo.getCollectionName(Contact.class))) {
            for (Document person : (Iterable<Document>) stream::iterator) {
                if (pending == 0) {
                    lines = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ParticipationLine.class);
                    people = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Contact.class);
                }
                String contactId = person.getString("_id");
                Set<String> projects = new TreeSet<>();
                for (Document stored : person.getList(LEGACY_FIELD, Document.class, List.of())) {
                    Participation line = mongo.getConverter().read(Participation.class, stored);
                    if (line.registrationId() == null) {
                        continue;
                    }
                    lines.upsert(new Query(Criteria.where("_id").is(line.registrationId())), new Update()
                            .setOnInsert("contactId", contactId).setOnInsert("eventId", line.eventId())
                            .setOnInsert("projectId", line.projectId()).setOnInsert("status", line.status())
                            .setOnInsert("at", line.at()));
                    pendingLines++;
                    if (line.projectId() != null) {
                        projects.add(line.projectId());
                    }
                }
                Update update = new Update().unset(LEGACY_FIELD).inc("version", 1);
                if (!projects.isEmpty()) {
                    update.addToSet("participatedIn").each(projects.toArray());
                }
                people.updateOne(new Query(Criteria.where("_id").is(contactId)), update);
                pending++;
                moved++;
                if (pending + pendingLines >= BULK) {
                    execute(pendingLines > 0 ? lines : null, people);
                    pending = 0;
                    pendingLines = 0;
                }
            }
        }
        if (pending > 0) {
            execute(pendingLines > 0 ? lines : null, people);
        }
        if (moved > 0) {
            log.info("The participation histories of {} people moved to their own collection", moved);
        }
    }

    /** The lines first: a stop in between leaves the array in place, and the next start moves it again. */
    private static void execute(BulkOperations lines, BulkOperations people) {
        if (lines != null) {
            lines.execute();
        }
        people.execute();
    }
}
