package fi.ecosystem.events.event;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Takes and gives back confirmed places with single atomic, guarded updates on the event document:
 * the store checks {@code confirmedCount < capacity} and increments in one step, so no interleaving of
 * concurrent requests can overbook. Each also bumps the version, so a save of a stale copy of the event
 * fails instead of writing an old count back.
 */
@Component
public class SeatCounter {

    private final MongoTemplate mongo;

    SeatCounter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True if a place was taken; false if the event is full. */
    public boolean takePlace(String eventId) {
        Query hasRoom = new Query(Criteria.where("_id").is(eventId))
                .addCriteria(Criteria.expr(() -> new Document("$lt", java.util.List.of("$confirmedCount", "$capacity"))));
        Document taken = mongo.findAndModify(hasRoom, new Update().inc("confirmedCount", 1).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, "events");
        return taken != null;
    }

    public void givePlaceBack(String eventId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(eventId).and("confirmedCount").gt(0)),
                new Update().inc("confirmedCount", -1).inc("version", 1), "events");
    }

    /** Someone joined the waiting list: the size lists and the staff home show without counting registrations. */
    public void joinWaitingList(String eventId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(eventId)),
                new Update().inc("waitlistedCount", 1).inc("version", 1), "events");
    }

    /** Someone left the waiting list (promoted, cancelled). */
    public void leaveWaitingList(String eventId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(eventId).and("waitlistedCount").gt(0)),
                new Update().inc("waitlistedCount", -1).inc("version", 1), "events");
    }
}
