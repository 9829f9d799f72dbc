package fi.ecosystem.contacts.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives people stored before facts had sources their sources, once, at start (before the word index is checked):
 * from what is known — a role from a project's list → that project's entry (name, e-mail, organisation,
 * language); a participation → the event's project's entry; a staff entry (the audit line {@code created} with its
 * {@code projectIds}) → an entry per project with every detail; nothing known → an entry per linked project.
 * Consents: a form consent → its registration's project; others → the staff entry's project, else the first linked
 * project. Written in bulk; a person with {@code entries} is never touched again, and a marker skips the scan on
 * later starts. The word index of the people changed is built again.
 */
@Component
@Order(0)
public class PersonSources implements ApplicationRunner {

    static final String MIGRATIONS = "contact_migrations";
    static final String MARKER = "person-sources-1";
    private static final Logger log = LoggerFactory.getLogger(PersonSources.class);

    private final MongoTemplate mongo;
    private final ContactWords words;
    private final ParticipationHistory history;

    PersonSources(MongoTemplate mongo, ContactWords words, ParticipationHistory history) {
        this.mongo = mongo;
        this.words = words;
        this.history = history;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.findById(MARKER, Document.class, MIGRATIONS) != null) {
            return;
        }
        long migrated = migrate();
        if (migrated > 0) {
            words.rebuild();
            log.info("Sources given to the facts of {} people", migrated);
        }
        mongo.save(new Document("_id", MARKER).append("at", java.util.Date.from(Instant.now())).append("people", migrated),
                MIGRATIONS);
    }

    /** Migrates every person without entries; returns how many. Running it again finds none. */
    public long migrate() {
        Map<String, List<String>> staffEntries = staffEntries();
        long migrated = 0;
        BulkOperations bulk = null;
        int pending = 0;
        Query unsourced = new Query(Criteria.where("entries").exists(false));
        try (var stream = mongo.stream(unsourced, Document.class, mongo.getCollectionName(Contact.class))) {
            for (Document stored : (Iterable<Document>) stream::iterator) {
                Contact person = mongo.getConverter().read(Contact.class, stored);
                history.load(List.of(person)); // moved out of the record before this runs (ParticipationHistory)
                sourced(person, staffEntries.getOrDefault(person.id(), List.of()));
                if (bulk == null) {
                    bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Contact.class);
                }
                bulk.updateOne(new Query(Criteria.where("_id").is(person.id()).and("entries").exists(false)), new Update()
                        .set("entries", mongo.getConverter().convertToMongoType(person.entries()))
                        .set("links", List.copyOf(person.links()))
                        .set("nameKeys", List.copyOf(person.nameKeys()))
                        .set("consents", mongo.getConverter().convertToMongoType(person.consents()))
                        .inc("version", 1));
                migrated++;
                if (++pending == 1_000) {
                    bulk.execute();
                    bulk = null;
                    pending = 0;
                }
            }
        }
        if (bulk != null) {
            bulk.execute();
        }
        return migrated;
    }

    /** The projects each person was entered for by staff, from the audit trail's {@code created} lines. */
    private Map<String, List<String>> staffEntries() {
        Map<String, List<String>> entered = new HashMap<>();
        Query created = new Query(Criteria.where("action").is("created").and("details.projectIds").exists(true));
        created.fields().include("contactId", "details.projectIds");
        try (var stream = mongo.stream(created, Document.class, "contact_audit")) {
            for (Document line : (Iterable<Document>) stream::iterator) {
                Object projects = line.get("details", Document.class).get("projectIds");
                if (projects instanceof Collection<?> ids && line.getString("contactId") != null) {
                    entered.put(line.getString("contactId"), ids.stream().map(String::valueOf).toList());
                }
            }
        }
        return entered;
    }

    /** The sources of one person's facts, from what is known of them. */
    static void sourced(Contact person, List<String> staffProjects) {
        Map<String, PersonEntry> entries = new LinkedHashMap<>();
        boolean anonymised = person.anonymisedAt() != null || person.mergedInto() != null;
        Instant at = person.createdAt() == null ? Instant.EPOCH : person.createdAt();
        for (String project : staffProjects) {
            entries.put(project, full(person, project, at, anonymised));
        }
        for (ProjectRole role : person.roles()) {
            entries.putIfAbsent(role.projectId(), anonymised ? empty(role.projectId(), at) : new PersonEntry(role.projectId(),
                    person.firstName(), person.lastName(), null, role.organisation() != null ? role.organisation()
                    : person.organisationName(), null, person.email(), null, person.language(), "migrated project",
                    role.since() == null ? at : role.since()));
        }
        for (Participation line : person.participations()) {
            if (line.projectId() != null) {
                entries.putIfAbsent(line.projectId(), anonymised ? empty(line.projectId(), at) : new PersonEntry(line.projectId(),
                        person.firstName(), person.lastName(), null, person.organisationName(), null, person.email(), null,
                        person.language(), "migrated registration " + line.registrationId(), line.at() == null ? at : line.at()));
            }
        }
        if (entries.isEmpty()) {
            for (String project : new TreeSet<>(person.projectIds())) {
                entries.put(project, full(person, project, at, anonymised));
            }
        }
        Map<String, String> consentScopes = new HashMap<>();
        String fallback = !staffProjects.isEmpty() ? staffProjects.get(0)
                : person.projectIds().stream().sorted().findFirst().orElse(null);
        Map<String, String> registrations = new HashMap<>();
        person.participations().forEach(line -> registrations.put(line.registrationId(), line.projectId()));
        for (Consent consent : person.consents()) {
            String recordedBy = consent.recordedBy() == null ? "" : consent.recordedBy();
            String scope = recordedBy.startsWith("registration ")
                    ? registrations.getOrDefault(recordedBy.substring("registration ".length()), fallback) : fallback;
            if (scope != null) {
                consentScopes.put(consent.id(), scope);
            }
        }
        person.sourced(new ArrayList<>(entries.values()), consentScopes);
    }

    private static PersonEntry full(Contact person, String project, Instant at, boolean anonymised) {
        return anonymised ? empty(project, at) : new PersonEntry(project, person.firstName(), person.lastName(), person.title(),
                person.organisationName(), person.organisationId(), person.email(), person.phone(), person.language(),
                "migrated staff entry", at);
    }

    private static PersonEntry empty(String scope, Instant at) {
        return new PersonEntry(scope, null, null, null, null, null, null, null, null, "migrated", at);
    }
}
