package fi.ecosystem.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Guarded atomic updates of an aggregate together with the event each causes, for the changes that must not
 * read-modify-write (counters, status moves under concurrency). The event goes into the same single-document
 * write as the change ({@code $push} to {@code pendingEvents}), so either both land or neither; the relay is
 * woken after the write. Used by the aggregate's own store in the aggregate's package (an architecture rule
 * checks that), never by a use case.
 */
public class AtomicChanges {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public AtomicChanges(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** One guarded change of an aggregate and the event it causes. */
    public record Change(Query guard, Update update, RecordedEvent event) {
    }

    /** Applies the change if the guard still matches; returns the changed aggregate, or null when it did not match. */
    public <T extends Aggregate> T apply(Change change, Class<T> type) {
        T changed = mongo.findAndModify(change.guard(), withEvent(change), FindAndModifyOptions.options().returnNew(true),
                type);
        if (changed != null) {
            outbox.written(change.event().key());
        }
        return changed;
    }

    /**
     * Many guarded changes in one unordered bulk write (one store round trip, not one per aggregate), each with its
     * own event; returns how many matched. A change whose guard no longer matches writes nothing, event included.
     */
    public <T extends Aggregate> int applyAll(List<Change> changes, Class<T> type) {
        if (changes.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        List<String> keys = new ArrayList<>();
        for (Change change : changes) {
            bulk.updateOne(change.guard(), withEvent(change));
            keys.add(change.event().key());
        }
        int matched = bulk.execute().getMatchedCount();
        outbox.written(keys);
        return matched;
    }

    private Update withEvent(Change change) {
        return change.update().push(OutboxRelay.PENDING, outbox.pending(change.event()));
    }
}
