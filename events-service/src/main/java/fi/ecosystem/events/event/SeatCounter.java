package fi.ecosystem.events.event;

import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The event's store for its counters: takes and gives back confirmed places with single atomic, guarded updates
 * on the event document: the store checks {@code confirmedCount < capacity} and increments in one step, so no
 * interleaving of concurrent requests can overbook. Each also bumps the version, so a save of a stale copy of the
 * event fails instead of writing an old count back. The counters cause no events of their own.
 */
@Component
public class SeatCounter {

    private final MongoTemplate mongo;

    SeatCounter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Events still ahead that have people waiting while a place is free (a process died between giving a place back
     * and offering it), at most {@code limit}. The index {@code waiting_ahead} (waitlistedCount, startsAt) narrows it
     * to the few events with a waiting list; the store compares the two counters.
     */
    public List<String> freeWhilePeopleWait(Instant now, int limit) {
        Query query = new Query(Criteria.where("waitlistedCount").gt(0).and("startsAt").gt(now)
                .and("status").in(EventStatus.PUBLISHED.name(), EventStatus.DRAFT.name()))
                .addCriteria(Criteria.expr(() -> new Document("$lt", List.of("$confirmedCount", "$capacity")))).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Event.class)).stream().map(event -> event.getString("_id"))
                .toList();
    }

    /** True if a place was taken; false if the event is full. */
    public boolean takePlace(String eventId) {
        Query hasRoom = new Query(Criteria.where("_id").is(eventId))
                .addCriteria(Criteria.expr(() -> new Document("$lt", List.of("$confirmedCount", "$capacity"))));
        // unmapped (a plain document of the events' collection): the $expr compares two fields of the same document
        return mongo.findAndModify(hasRoom, new Update().inc("confirmedCount", 1).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, mongo.getCollectionName(Event.class)) != null;
    }

    public void givePlaceBack(String eventId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(eventId).and("confirmedCount").gt(0)),
                new Update().inc("confirmedCount", -1).inc("version", 1), Event.class);
    }

    /**
     * Someone joins the waiting list: their number in it and the list's size with them in it.
     *
     * @param number the event's next waiting number, handed out once: the list's order (see {@code Registration})
     * @param place  how many wait, them included, right after they joined: their place, since everyone still waiting
     *               joined before them (a departure being written at this very moment may be counted once more)
     */
    public record Joined(long number, long place) {
    }

    /**
     * Joins the waiting list in one atomic write on the event: the size (which the lists and the staff home show
     * without counting registrations) and the numbers handed out grow together, so the place told is that of the
     * number, with no count of the registrations (a count reads an index key for everyone ahead, on every join).
     */
    public Joined joinWaitingList(String eventId) {
        Query event = new Query(Criteria.where("_id").is(eventId));
        event.fields().include("waitingNumbers").include("waitlistedCount");
        Event joined = mongo.findAndModify(event, new Update().inc("waitlistedCount", 1).inc("waitingNumbers", 1).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Event.class);
        if (joined == null) {
            throw new NotFoundException("Event " + eventId);
        }
        return new Joined(joined.waitingNumbers(), joined.waitlistedCount());
    }

    /**
     * An event's waiting-list size and places taken (confirmed and open offers) as stored, and the event's version
     * when they were read.
     */
    public record WaitingSize(String eventId, long version, int size, int placesTaken) {
    }

    /**
     * Events still ahead with people waiting, at most {@code limit}, with their stored counters to compare with the
     * registrations. The index {@code waiting_ahead} (waitlistedCount, startsAt) narrows it to the events with a
     * waiting list.
     */
    public List<WaitingSize> waitingSizes(Instant now, int limit) {
        Query query = new Query(Criteria.where("waitlistedCount").gt(0).and("startsAt").gt(now)).limit(limit);
        query.fields().include("_id").include("version").include("waitlistedCount").include("confirmedCount");
        return mongo.find(query, Document.class, mongo.getCollectionName(Event.class)).stream()
                .map(event -> new WaitingSize(event.getString("_id"), ((Number) event.get("version")).longValue(),
                        ((Number) event.get("waitlistedCount")).intValue(), event.get("confirmedCount") instanceof Number taken
                                ? taken.intValue() : 0))
                .toList();
    }

    /**
     * Puts the stored waiting-list size and places taken right if the event is still at the version they were read
     * at; true if they were put right.
     */
    public boolean correctCounters(WaitingSize read, long waiting, long placesTaken) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(read.eventId()).and("version").is(read.version())),
                new Update().set("waitlistedCount", Math.toIntExact(waiting)).set("confirmedCount", Math.toIntExact(placesTaken))
                        .inc("version", 1), Event.class).getModifiedCount() == 1;
    }

    /** An event still ahead with no waiting-list size stored, or 0, and its version as read (null if it has none). */
    public record Unsized(String eventId, Object version) {
    }

    /**
     * Events still ahead whose waiting list has no size stored, or a size of 0 (an event stored before the sizes were
     * kept has none). The index {@code waiting_ahead} serves it: a missing field is indexed as null.
     */
    public Stream<Unsized> unsizedAhead(Instant now) {
        Query query = new Query(Criteria.where("waitlistedCount").in(Arrays.asList(null, 0)).and("startsAt").gt(now));
        query.fields().include("_id").include("version");
        return mongo.stream(query, Document.class, mongo.getCollectionName(Event.class))
                .map(event -> new Unsized(event.getString("_id"), event.get("version")));
    }

    /**
     * Gives an event that has none the size of its waiting list, if it still has none and is at the version it was
     * read at (a join meanwhile stored a size, which {@code WaitingSizes} compares); true if it was given.
     */
    public boolean sizeUnsized(Unsized read, long counted) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(read.eventId()).and("version").is(read.version())
                        .and("waitlistedCount").in(Arrays.asList(null, 0))),
                // an int, as the event's own counter is stored
                new Update().set("waitlistedCount", Math.toIntExact(counted)).inc("version", 1), Event.class).getModifiedCount() == 1;
    }

    /** Someone left the waiting list (promoted, cancelled). */
    public void leaveWaitingList(String eventId) {
        leaveWaitingList(eventId, 1);
    }

    /** Several left the waiting list at once (an event called off): one write, never below zero. */
    public void leaveWaitingList(String eventId, int left) {
        if (left <= 0) {
            return;
        }
        if (mongo.updateFirst(new Query(Criteria.where("_id").is(eventId).and("waitlistedCount").gte(left)),
                new Update().inc("waitlistedCount", -left).inc("version", 1), Event.class).getMatchedCount() == 0) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(eventId).and("waitlistedCount").lt(left)),
                    new Update().set("waitlistedCount", 0).inc("version", 1), Event.class);
        }
    }
}
