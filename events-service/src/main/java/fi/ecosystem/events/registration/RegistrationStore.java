package fi.ecosystem.events.registration;

import fi.ecosystem.platform.messaging.AtomicChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The writes of registrations that must not read-modify-write: every status move is one guarded atomic update
 * (from the status it had) carrying the event {@link Registration#moved} gives, through {@link AtomicChanges};
 * many moves at once are one bulk write, each registration with its own event. The only place outside
 * {@link RegistrationRepository} that writes the {@code registrations} collection.
 */
@Component
public class RegistrationStore {

    /** Registrations moved per bulk write (bounds memory when a big event is closed). */
    private static final int BATCH = 500;
    static final String ERASED = "–";

    private final MongoTemplate mongo;
    private final AtomicChanges changes;

    RegistrationStore(MongoTemplate mongo, AtomicChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
    }

    Registration find(String registrationId) {
        return mongo.findById(registrationId, Registration.class);
    }

    /** Moves a registration from one status to another in one guarded write, with its event; null if it was not in {@code from}. */
    Registration move(String registrationId, RegistrationStatus from, RegistrationStatus to, Collection<String> cities) {
        Registration current = find(registrationId);
        if (current == null || current.status() != from) {
            return null;
        }
        return changes.apply(moving(current, to, cities), Registration.class);
    }

    private static AtomicChanges.Change moving(Registration current, RegistrationStatus to, Collection<String> cities) {
        return new AtomicChanges.Change(
                new Query(Criteria.where("_id").is(current.id()).and("status").is(current.status().name())),
                new Update().set("status", to.name()).unset("offeredUntil").inc("version", 1), current.moved(to, null, cities));
    }

    /** Offers the waitlisted registration a place until {@code until}, in one guarded write with its event; null if it left the list. */
    Registration offer(Registration current, Instant until, Collection<String> cities) {
        return changes.apply(new AtomicChanges.Change(
                new Query(Criteria.where("_id").is(current.id()).and("status").is(RegistrationStatus.WAITLISTED.name())),
                new Update().set("status", RegistrationStatus.OFFERED.name()).set("offeredUntil", until).inc("version", 1),
                current.offered(until, cities)), Registration.class);
    }

    /**
     * The person's answer to their offer (accepted: CONFIRMED, declined: CANCELLED), written only while the offer is
     * open at {@code now}: a late answer or a second one writes nothing and gets null, as does one racing the deadline job.
     */
    Registration answerOffer(Registration current, RegistrationStatus to, Instant now, Collection<String> cities) {
        return changes.apply(new AtomicChanges.Change(
                new Query(Criteria.where("_id").is(current.id()).and("status").is(RegistrationStatus.OFFERED.name())
                        .and("offeredUntil").gt(now)),
                new Update().set("status", to.name()).unset("offeredUntil").inc("version", 1), current.moved(to, null, cities)),
                Registration.class);
    }

    /** An offer whose deadline passed at {@code now}, the earliest first (index offers_due); null when none is due. */
    Registration dueOffer(Instant now) {
        return mongo.findOne(new Query(Criteria.where("status").is(RegistrationStatus.OFFERED.name()).and("offeredUntil").lte(now))
                .with(Sort.by("offeredUntil", "_id")).limit(1), Registration.class);
    }

    /**
     * Expires a due offer: one guarded write (still OFFERED, deadline passed) with its event, so of two replicas that
     * found the same offer exactly one expires it; the other gets null.
     */
    Registration expire(Registration due, Instant now, Collection<String> cities) {
        return changes.apply(new AtomicChanges.Change(
                new Query(Criteria.where("_id").is(due.id()).and("status").is(RegistrationStatus.OFFERED.name())
                        .and("offeredUntil").lte(now)),
                new Update().set("status", RegistrationStatus.CANCELLED.name()).unset("offeredUntil").inc("version", 1),
                due.offerExpired(cities)), Registration.class);
    }

    /**
     * The first on the event's waiting list, or null: by waiting number, the order in which they joined it; those who
     * joined before numbers were handed out have none (the lowest in MongoDB's order) and stand first, by time.
     */
    Registration firstWaiting(String eventId) {
        return mongo.findOne(new Query(Criteria.where("eventId").is(eventId).and("status").is(RegistrationStatus.WAITLISTED.name()))
                .with(Sort.by("waitingNumber", "createdAt", "_id")).limit(1), Registration.class);
    }

    /** Writes a check-in if the registration is still the version it was read at; null when it changed meanwhile. */
    Registration checkIn(Registration current, Registration.CheckIn checkIn, String sessionId, Collection<String> cities) {
        return changes.apply(new AtomicChanges.Change(
                new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version())),
                new Update().set("status", checkIn.next().name()).set("attendedSessions", checkIn.sessions()).inc("version", 1),
                current.moved(checkIn.next(), sessionId, cities)), Registration.class);
    }

    /**
     * Moves every registration of the event that is in one of {@code from} to {@code to}: a bulk write per batch and
     * former status, each registration guarded by the status it had and with its own event. Returns how many moved
     * from each status.
     */
    Map<RegistrationStatus, Integer> moveAll(String eventId, List<RegistrationStatus> from, RegistrationStatus to,
            Collection<String> cities) {
        Map<RegistrationStatus, Integer> moved = new EnumMap<>(RegistrationStatus.class);
        Query open = new Query(Criteria.where("eventId").is(eventId).and("status").in(from.stream().map(Enum::name).toList()))
                .with(Sort.by("_id")).limit(BATCH);
        while (true) {
            List<Registration> batch = mongo.find(open, Registration.class);
            if (batch.isEmpty()) {
                return moved;
            }
            for (RegistrationStatus status : from) {
                List<AtomicChanges.Change> moves = new ArrayList<>();
                for (Registration registration : batch) {
                    if (registration.status() == status) {
                        moves.add(moving(registration, to, cities));
                    }
                }
                moved.merge(status, changes.applyAll(moves, Registration.class), Integer::sum);
            }
        }
    }

    /**
     * Removes everything that identifies the person from every registration of the address with this keyed hash,
     * in one bulk write; returns how many. Places and counts stay. Repeating it changes nothing more.
     */
    public int anonymise(String emailHash) {
        Query query = new Query(Criteria.where("emailHash").is(emailHash));
        query.fields().include("_id");
        List<String> ids = mongo.find(query, Registration.class).stream().map(Registration::id).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Registration.class);
        for (String id : ids) {
            bulk.updateOne(new Query(Criteria.where("_id").is(id)), new Update()
                    .set("firstName", ERASED).set("lastName", ERASED).unset("organisationName").unset("businessId")
                    .set("email", "erased-" + id + "@invalid").unset("emailHash").unset("answers").inc("version", 1));
        }
        bulk.execute();
        return ids.size();
    }

    /**
     * Claims the next registration with a place not yet sent the reminder {@code key} (a reminder goes once); null when
     * none is left. {@code alsoDue} are further reminders of the same session that came due together with it and are
     * claimed in the same write without a mail of their own (one mail, the nearest, not several at once).
     */
    public Registration claimReminder(String eventId, String key, Collection<String> alsoDue) {
        Query due = new Query(Criteria.where("eventId").is(eventId)
                .and("status").in(RegistrationStatus.CONFIRMED.name(), RegistrationStatus.ATTENDED.name())
                .and("remindedSessions").ne(key));
        List<Object> keys = new ArrayList<>();
        keys.add(key);
        keys.addAll(alsoDue);
        return mongo.findAndModify(due, new Update().addToSet("remindedSessions").each(keys.toArray()),
                FindAndModifyOptions.options().returnNew(true), Registration.class);
    }

    /** The reminder could not be sent: the registration is reminded again next round. */
    public void releaseReminder(String registrationId, String key) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(registrationId)),
                new Update().pull("remindedSessions", key), Registration.class);
    }
}
