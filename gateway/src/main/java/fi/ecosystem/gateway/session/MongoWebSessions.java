package fi.ecosystem.gateway.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.UuidSessionIdGenerator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Browser sessions (the user's tokens, the login in progress) in MongoDB, so that any gateway replica
 * serves any browser and a restarted replica logs nobody out. A session is one document holding the
 * serialized session; a TTL index removes it after its idle timeout.
 */
public class MongoWebSessions implements ReactiveSessionRepository<MapSession> {

    static final String COLLECTION = "web_sessions";

    private final ReactiveMongoTemplate mongo;
    private final Duration idleTimeout;

    public MongoWebSessions(ReactiveMongoTemplate mongo, Duration idleTimeout) {
        this.mongo = mongo;
        this.idleTimeout = idleTimeout;
    }

    /** Creates the TTL index; called once at start-up. */
    public Mono<String> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public Mono<MapSession> createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(idleTimeout);
        return Mono.just(session);
    }

    @Override
    public Mono<Void> save(MapSession session) {
        // a copy: its original id is its current id, so a changed id (after login) is not carried on
        MapSession copy = new MapSession(session);
        Document document = new Document("_id", copy.getId())
                .append("session", new Binary(serialize(copy)))
                .append("expireAt", Date.from(copy.getLastAccessedTime().plus(copy.getMaxInactiveInterval())));
        Mono<Void> dropOldId = session.getOriginalId() != null && !session.getOriginalId().equals(session.getId())
                ? deleteById(session.getOriginalId())
                : Mono.empty();
        return dropOldId.then(mongo.getCollection(COLLECTION)
                .flatMap(collection -> Mono.from(collection.replaceOne(new Document("_id", copy.getId()), document,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true)))))
                .then();
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return mongo.findById(id, Document.class, COLLECTION)
                .publishOn(Schedulers.boundedElastic())
                .map(document -> deserialize(document.get("session", Binary.class).getData()))
                .flatMap(session -> session.isExpired() ? deleteById(id).then(Mono.empty()) : Mono.just(session));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    private static byte[] serialize(MapSession session) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A session attribute cannot be stored", e);
        }
    }

    private static MapSession deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            MapSession session = (MapSession) in.readObject();
            session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance()); // transient: not serialized
            return session;
        } catch (IOException | ClassNotFoundException e) {
            // a session written by an incompatible version: treat it as gone, the user signs in again
            MapSession expired = new MapSession();
            expired.setLastAccessedTime(Instant.EPOCH);
            return expired;
        }
    }
}
