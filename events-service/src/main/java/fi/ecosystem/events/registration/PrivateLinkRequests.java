package fi.ecosystem.events.registration;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A public registration with an address already registered sends the address's owner their private link
 * again — never to the caller. At most one such mail per registration per {@code ecosystem.events.private-link.resend-interval}
 * (5 minutes by default), claimed with one guarded write, so replicas and repeated posts cannot flood a
 * mailbox; a repeat within the interval is silently ignored.
 */
@Component
public class PrivateLinkRequests {

    /** Published after a claim; the mail goes out asynchronously, as the confirmation of a new registration does. */
    public record Requested(String registrationId, Instant claimedAt) {
    }

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher publisher;
    private final Duration interval;

    PrivateLinkRequests(MongoTemplate mongo, ApplicationEventPublisher publisher,
            @Value("${ecosystem.events.private-link.resend-interval:PT5M}") Duration interval) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.interval = interval;
    }

    /** Claims a resend of the registration's private link; true if a mail is due. */
    boolean request(Registration registration) {
        Instant now = Instant.now();
        Query due = new Query(Criteria.where("_id").is(registration.id()).orOperator(
                Criteria.where("linkMailedAt").exists(false), Criteria.where("linkMailedAt").is(null),
                Criteria.where("linkMailedAt").lt(now.minus(interval))));
        boolean claimed = mongo.updateFirst(due, new Update().set("linkMailedAt", now), Registration.class)
                .getModifiedCount() == 1;
        if (claimed) {
            publisher.publishEvent(new Requested(registration.id(), now));
        }
        return claimed;
    }

    /** The mail failed: the next repeat may try again at once. */
    public void giveBack(Requested request) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(request.registrationId()).and("linkMailedAt").is(request.claimedAt())),
                new Update().unset("linkMailedAt"), Registration.class);
    }
}
