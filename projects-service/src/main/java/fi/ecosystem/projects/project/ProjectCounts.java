package fi.ecosystem.projects.project;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The live counts of a project (participants reached, events held), kept outside the aggregate so that it does
 * not grow with them: one small document per counted registration of a project ({@code project_participants})
 * and one per event of a project ({@code project_events}: held or not, its participants). A
 * count is written in bulk for the events of a poll, and the project's totals become the number of those
 * documents, raised with a guarded {@code $max}: a redelivered, reordered or concurrently handled event
 * changes nothing twice, and a count never goes down.
 */
@Component
public class ProjectCounts implements ApplicationRunner {

    static final String PARTICIPANTS = "project_participants";
    static final String EVENTS = "project_events";
    private static final Logger log = LoggerFactory.getLogger(ProjectCounts.class);

    private final MongoTemplate mongo;

    ProjectCounts(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(PARTICIPANTS).createIndex(new Index().on("projectId", Sort.Direction.ASC).named("by_project"));
        mongo.indexOps(PARTICIPANTS).createIndex(new Index().on("eventId", Sort.Direction.ASC).on("projectId", Sort.Direction.ASC)
                .named("by_event_project"));
        mongo.indexOps(EVENTS).createIndex(new Index().on("projectId", Sort.Direction.ASC).on("held", Sort.Direction.ASC)
                .named("by_project_held"));
    }

    /** A confirmed (or promoted) registration of an event of a project. */
    public record Participant(String projectId, String eventId, String registrationId) {

        public Participant {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(registrationId, "registrationId");
        }
    }

    /** An event of a project that was held (published or completed). */
    public record HeldEvent(String projectId, String eventId) {

        public HeldEvent {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** Counts each registration once, however often and in whatever order its events arrive. */
    public void participantsConfirmed(Collection<Participant> participants) {
        if (participants.isEmpty()) {
            return;
        }
        BulkOperations counted = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PARTICIPANTS);
        Date now = Date.from(Instant.now());
        Set<String> events = new LinkedHashSet<>();
        Set<String> projects = new LinkedHashSet<>();
        for (Participant participant : participants) {
            counted.upsert(new Query(Criteria.where("_id").is(key(participant.projectId(), participant.registrationId()))),
                    new Update().setOnInsert("projectId", participant.projectId())
                            .setOnInsert("registrationId", participant.registrationId())
                            .setOnInsert("eventId", participant.eventId()).setOnInsert("countedAt", now));
            if (participant.eventId() != null) {
                events.add(key(participant.projectId(), participant.eventId()));
            }
            projects.add(participant.projectId());
        }
        counted.execute();
        if (!events.isEmpty()) {
            BulkOperations perEvent = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EVENTS);
            for (Participant participant : participants) {
                if (participant.eventId() != null && events.remove(key(participant.projectId(), participant.eventId()))) {
                    long confirmed = mongo.count(new Query(Criteria.where("eventId").is(participant.eventId())
                            .and("projectId").is(participant.projectId())), PARTICIPANTS);
                    perEvent.upsert(new Query(Criteria.where("_id").is(key(participant.projectId(), participant.eventId()))),
                            new Update().setOnInsert("projectId", participant.projectId())
                                    .setOnInsert("eventId", participant.eventId()).max("participants", confirmed));
                }
            }
            perEvent.execute();
        }
        raise(projects, "participantsReached", project -> mongo.count(
                new Query(Criteria.where("projectId").is(project)), PARTICIPANTS));
    }

    /** Counts each event of a project once as held, however often its changes arrive. */
    public void eventsHeld(Collection<HeldEvent> held) {
        if (held.isEmpty()) {
            return;
        }
        BulkOperations perEvent = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EVENTS);
        Set<String> projects = new LinkedHashSet<>();
        for (HeldEvent event : held) {
            perEvent.upsert(new Query(Criteria.where("_id").is(key(event.projectId(), event.eventId()))),
                    new Update().setOnInsert("projectId", event.projectId()).setOnInsert("eventId", event.eventId())
                            .set("held", true));
            projects.add(event.projectId());
        }
        perEvent.execute();
        raise(projects, "eventsHeld", project -> mongo.count(
                new Query(Criteria.where("projectId").is(project).and("held").is(true)), EVENTS));
    }

    /**
     * Raises each project's total to its count ($max, guarded so that only a change is written). The version
     * goes up with it, so a concurrent save of a stale copy fails instead of undoing the count.
     */
    private void raise(Set<String> projects, String total, java.util.function.ToLongFunction<String> count) {
        BulkOperations raised = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Project.class);
        for (String project : projects) {
            long now = count.applyAsLong(project);
            raised.updateOne(new Query(Criteria.where("_id").is(project).and(total).lt(now)),
                    new Update().set(total, now).inc("version", 1));
        }
        raised.execute();
    }

    /** What a count document is keyed by: a registration or an event counts once per project. */
    private static String key(String projectId, String itemId) {
        return projectId + ":" + itemId;
    }

    /**
     * At start, moves the counted ids of projects saved before the counts had their own collections out of the
     * project documents (they grew by one per registration). Idempotent: upserts, then the fields are dropped.
     */
    @Override
    public void run(ApplicationArguments args) {
        Query legacy = new Query(new Criteria().orOperator(Criteria.where("countedRegistrations").exists(true),
                Criteria.where("countedEvents").exists(true)));
        legacy.fields().include("countedRegistrations", "countedEvents");
        long migrated = 0;
        for (Document project : mongo.find(legacy, Document.class, "projects")) {
            String id = String.valueOf(project.get("_id"));
            List<String> registrations = project.getList("countedRegistrations", String.class, List.of());
            List<String> events = project.getList("countedEvents", String.class, List.of());
            if (!registrations.isEmpty()) {
                BulkOperations counted = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PARTICIPANTS);
                registrations.forEach(registration -> counted.upsert(new Query(Criteria.where("_id").is(key(id, registration))),
                        new Update().setOnInsert("projectId", id).setOnInsert("registrationId", registration)));
                counted.execute();
            }
            if (!events.isEmpty()) {
                BulkOperations held = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EVENTS);
                events.forEach(event -> held.upsert(new Query(Criteria.where("_id").is(key(id, event))),
                        new Update().setOnInsert("projectId", id).setOnInsert("eventId", event).set("held", true)));
                held.execute();
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(project.get("_id"))),
                    new Update().unset("countedRegistrations").unset("countedEvents"), Project.class);
            migrated++;
        }
        if (migrated > 0) {
            log.info("The counted registrations and events of {} projects moved to {} and {}", migrated, PARTICIPANTS, EVENTS);
        }
    }
}
