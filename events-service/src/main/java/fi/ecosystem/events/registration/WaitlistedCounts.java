package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.WaitingListSizes;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

/** One aggregation over the registrations of the asked events (index eventId + status), grouped by event. */
@Component
class WaitlistedCounts implements WaitingListSizes {

    private final MongoTemplate mongo;

    WaitlistedCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIds) {
        Map<String, Long> sizes = new HashMap<>();
        if (eventIds.isEmpty()) {
            return sizes;
        }
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(org.springframework.data.mongodb.core.query.Criteria.where("eventId").in(eventIds)
                        .and("status").is(RegistrationStatus.WAITLISTED.name())),
                Aggregation.group("eventId").count().as("waiting"));
        for (Document row : mongo.aggregate(count, Registration.class, Document.class)) {
            sizes.put(row.getString("_id"), ((Number) row.get("waiting")).longValue());
        }
        return sizes;
    }
}
