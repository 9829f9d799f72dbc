package fi.ecosystem.events.webhook;

import fi.ecosystem.events.webhook.WebhookDelivery.Status;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The webhooks' collections: endpoints, deliveries (one document each, found by status and due time) and a
 * counter per endpoint and aggregate that numbers the aggregate's deliveries in the order Kafka gave them. Every
 * move of a delivery is one conditional single-document write, so any number of replicas share the work: a
 * delivery is claimed with {@code findAndModify} and a lease, and only the lease holder records its outcome.
 */
@Component
public class WebhookStore {

    static final String SEQUENCES = "webhook_sequences";

    private final MongoTemplate mongo;

    public WebhookStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    // endpoints

    /** Stores a new endpoint; the unique index refuses a second one of the client at the same URL. */
    public WebhookEndpoint insert(WebhookEndpoint endpoint) {
        try {
            return mongo.insert(endpoint);
        } catch (DuplicateKeyException sameUrl) {
            throw urlTaken();
        }
    }

    public WebhookEndpoint save(WebhookEndpoint endpoint) {
        try {
            return mongo.save(endpoint);
        } catch (DuplicateKeyException sameUrl) {
            throw urlTaken();
        }
    }

    private static DomainRuleViolation urlTaken() {
        return new DomainRuleViolation("webhook-endpoint-exists", "The client has an endpoint at this URL already");
    }

    public Optional<WebhookEndpoint> endpoint(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookEndpoint.class));
    }

    public List<WebhookEndpoint> endpointsOf(String owner) {
        return mongo.find(new Query(Criteria.where("owner").is(owner)).with(Sort.by("createdAt")), WebhookEndpoint.class);
    }

    public long countEndpointsOf(String owner) {
        return mongo.count(new Query(Criteria.where("owner").is(owner)), WebhookEndpoint.class);
    }

    /** The enabled endpoints that list this type or its prefix's wildcard. */
    public List<WebhookEndpoint> enabledFor(String type) {
        return enabledFor(List.of(type));
    }

    /** The enabled endpoints that list any of these types or their prefixes' wildcards, in one query (index types_enabled). */
    public List<WebhookEndpoint> enabledFor(Collection<String> types) {
        Set<String> patterns = new LinkedHashSet<>();
        types.forEach(type -> patterns.addAll(WebhookAccess.patternsMatching(type)));
        return mongo.find(new Query(Criteria.where("eventTypes").in(patterns).and("enabled").is(true)), WebhookEndpoint.class);
    }

    /** Turns an enabled endpoint off; true for the one caller (of any replica) that did it. */
    public boolean disable(String endpointId, String reason, Instant now) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(endpointId).and("enabled").is(true)),
                new Update().set("enabled", false).set("disabledReason", reason).set("updatedAt", now).inc("version", 1),
                WebhookEndpoint.class).getModifiedCount() == 1;
    }

    /** The endpoint, its deliveries and its counters. */
    public void delete(WebhookEndpoint endpoint) {
        mongo.remove(new Query(Criteria.where("endpointId").is(endpoint.id())), WebhookDelivery.class);
        mongo.remove(new Query(Criteria.where("_id").regex("^" + Pattern.quote(endpoint.id() + "|"))), SEQUENCES);
        mongo.remove(endpoint);
    }

    // deliveries

    /** The next number in the endpoint's sequence of the aggregate's deliveries. */
    public long nextSequence(String endpointId, String aggregate) {
        Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(endpointId + "|" + aggregate)),
                new Update().inc("last", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                SEQUENCES);
        return ((Number) counter.get("last")).longValue();
    }

    /** Queues a delivery; false when this event is queued for the endpoint already (a redelivery). */
    public boolean queue(WebhookDelivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException queuedAlready) {
            return false;
        }
    }

    /** Claims a due delivery that no replica holds, for a lease; null when none is due. */
    public WebhookDelivery claim(Instant now, String worker, Instant leaseUntil) {
        return mongo.findAndModify(
                new Query(Criteria.where("status").is(Status.PENDING).and("nextAttemptAt").lte(now).and("leaseUntil").lte(now))
                        .with(Sort.by("nextAttemptAt")),
                new Update().set("leaseUntil", leaseUntil).set("leaseOwner", worker),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
    }

    /** The first delivery of the same endpoint and aggregate before this one that is neither delivered nor given up. */
    public Optional<WebhookDelivery> earlierPending(WebhookDelivery delivery) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("endpointId").is(delivery.endpointId())
                .and("aggregate").is(delivery.aggregate()).and("sequence").lt(delivery.sequence())
                .and("status").is(Status.PENDING)).with(Sort.by("sequence")), WebhookDelivery.class));
    }

    /** Gives a claimed delivery back, to be tried at {@code until} (it waits for an earlier one). */
    public void postpone(WebhookDelivery delivery, String worker, Instant until, Instant now) {
        mongo.updateFirst(held(delivery, worker), new Update().set("nextAttemptAt", until).set("leaseUntil", now),
                WebhookDelivery.class);
    }

    public void delivered(WebhookDelivery delivery, String worker, Instant now, int status) {
        mongo.updateFirst(held(delivery, worker), attempt(now, status, null).set("status", Status.DELIVERED)
                .set("deliveredAt", now).set("finishedAt", now), WebhookDelivery.class);
    }

    public void retry(WebhookDelivery delivery, String worker, Instant now, Integer status, String error, Instant next) {
        mongo.updateFirst(held(delivery, worker), attempt(now, status, error).set("nextAttemptAt", next), WebhookDelivery.class);
    }

    /** Given up after its day of attempts (or its endpoint was turned off): kept for the log and for a replay. */
    public void gaveUp(WebhookDelivery delivery, String worker, Instant now, Integer status, String error, boolean attempted) {
        Update update = attempted ? attempt(now, status, error) : new Update().set("lastError", error).set("leaseUntil", now);
        mongo.updateFirst(held(delivery, worker), update.set("status", Status.FAILED).set("finishedAt", now),
                WebhookDelivery.class);
    }

    /** The aggregate's next delivery after this one may go now (its predecessor is delivered or given up). */
    public void wakeNext(WebhookDelivery delivery, Instant now) {
        mongo.findAndModify(new Query(Criteria.where("endpointId").is(delivery.endpointId()).and("aggregate")
                        .is(delivery.aggregate()).and("sequence").gt(delivery.sequence()).and("status").is(Status.PENDING)
                        .and("nextAttemptAt").gt(now)).with(Sort.by("sequence")),
                new Update().set("nextAttemptAt", now), WebhookDelivery.class);
    }

    /** An endpoint was turned off: what waits for it is given up, replayable once it is on again. */
    public long giveUpPending(String endpointId, String reason, Instant now) {
        return mongo.updateMulti(new Query(Criteria.where("endpointId").is(endpointId).and("status").is(Status.PENDING)),
                new Update().set("status", Status.FAILED).set("lastError", reason).set("finishedAt", now),
                WebhookDelivery.class).getModifiedCount();
    }

    public List<WebhookDelivery> deliveries(String endpointId, Status status, int page, int size) {
        Criteria criteria = Criteria.where("endpointId").is(endpointId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "sequence"))
                .skip((long) page * size).limit(size), WebhookDelivery.class);
    }

    public Optional<WebhookDelivery> delivery(String endpointId, String deliveryId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(deliveryId).and("endpointId").is(endpointId)),
                WebhookDelivery.class));
    }

    /** Queues finished deliveries again, with a new day of attempts; returns how many. */
    public long replay(String endpointId, Collection<String> deliveryIds, Collection<Status> statuses, Instant from, Instant to,
            Instant now, Instant giveUpAt) {
        Criteria criteria = Criteria.where("endpointId").is(endpointId).and("status").in(statuses);
        if (deliveryIds != null) {
            criteria = criteria.and("_id").in(deliveryIds);
        }
        if (from != null || to != null) {
            Criteria created = criteria.and("createdAt");
            if (from != null) {
                created.gte(from);
            }
            if (to != null) {
                created.lt(to);
            }
        }
        return mongo.updateMulti(new Query(criteria), new Update().set("status", Status.PENDING).set("nextAttemptAt", now)
                .set("giveUpAt", giveUpAt).set("leaseUntil", now).unset("finishedAt"), WebhookDelivery.class)
                .getModifiedCount();
    }

    private static Query held(WebhookDelivery delivery, String worker) {
        return new Query(Criteria.where("_id").is(delivery.id()).and("leaseOwner").is(worker).and("status").is(Status.PENDING));
    }

    private static Update attempt(Instant now, Integer status, String error) {
        return new Update().inc("attempts", 1).set("lastAttemptAt", now).set("lastStatus", status).set("lastError", error)
                .set("leaseUntil", now);
    }
}
