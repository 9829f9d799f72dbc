package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.platform.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The cap an event may set on public self-registrations per client address ({@code maxRegistrationsPerAddress}).
 * One counter document per event and address, changed only by a guarded atomic upsert ({@code count < cap}),
 * so replicas and concurrent requests never let an address past the cap: when the counter is full the guard
 * does not match, the upsert tries to insert the same {@code _id} again and the unique {@code _id} refuses it.
 * The address is kept only as a hash with the event id, and the counter expires a day after the event.
 */
@Component
public class RegistrationsPerAddress {

    static final String COLLECTION = "registrations_per_address";
    public static final String CODE = "registrations-per-address";

    private final MongoTemplate mongo;

    RegistrationsPerAddress(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** The cap was reached: 429 problem+json with a code the UI translates. */
    public static class Capped extends ErrorResponseException {

        Capped(int cap) {
            super(HttpStatus.TOO_MANY_REQUESTS, problem(cap), null);
        }

        private static ProblemDetail problem(int cap) {
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, CODE,
                    "This event takes at most " + cap + " registrations from one network address");
            problem.setProperty("code", CODE);
            return problem;
        }
    }

    /**
     * Counts one registration from the address, or throws {@link Capped} when the event's cap is reached.
     * Returns false when the event has no cap (nothing was counted).
     */
    boolean take(Event event, String clientNetwork) {
        Integer cap = event.maxRegistrationsPerAddress();
        if (cap == null) {
            return false;
        }
        Query belowCap = new Query(Criteria.where("_id").is(id(event, clientNetwork)).and("count").lt(cap));
        Update increment = new Update().inc("count", 1).setOnInsert("expireAt", Date.from(expiry(event)));
        try {
            mongo.upsert(belowCap, increment, COLLECTION);
            return true;
        } catch (DuplicateKeyException full) {
            throw new Capped(cap);
        }
    }

    /** Gives back what {@link #take} counted, for an attempt that made no new registration. */
    void giveBack(Event event, String clientNetwork) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id(event, clientNetwork)).and("count").gt(0)),
                new Update().inc("count", -1), COLLECTION);
    }

    private static Instant expiry(Event event) {
        Instant end = event.endsAt() != null ? event.endsAt() : Instant.now().plus(Duration.ofDays(90));
        return end.plus(Duration.ofDays(1));
    }

    static String id(Event event, String clientNetwork) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((event.id() + "|" + clientNetwork).getBytes(StandardCharsets.UTF_8));
            return event.id() + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
