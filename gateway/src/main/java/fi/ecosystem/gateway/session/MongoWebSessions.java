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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Browser sessions (the user's tokens, the login in progress) in MongoDB, so that any gateway replica serves any
 * browser and a restarted replica logs nobody out. A session is one document with one field per attribute; a TTL
 * index removes it after its idle timeout.
 *
 * <p>A save writes only the attributes that request changed ({@code $set}/{@code $unset}), never the whole session:
 * a browser sends requests in parallel (a page, its favicon, the next click), each loads the session, and a request
 * that changed nothing must not write back the attributes it loaded. With whole-session writes, a favicon request
 * that loaded the session before the sign-in began and saved it after removed the sign-in's authorization request,
 * and the sign-in failed with {@code authorization_request_not_found}.
 */
public class MongoWebSessions implements ReactiveSessionRepository<MongoWebSessions.StoredSession> {

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
    public Mono<StoredSession> createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(idleTimeout);
        return Mono.just(new StoredSession(session, null));
    }

    @Override
    public Mono<Void> save(StoredSession session) {
        Mono<Void> write = session.storedId == null || !session.storedId.equals(session.getId())
                ? writeWhole(session)
                : writeChanges(session);
        return write.doOnSuccess(done -> session.saved());
    }

    /** A new session, or one with a new id (after login, against session fixation): all of it, then the old id goes. */
    private Mono<Void> writeWhole(StoredSession session) {
        Document attributes = new Document();
        session.getAttributeNames().forEach(name -> attributes.append(fieldName(name),
                new Binary(serialize(session.getAttribute(name)))));
        Document document = times(new Document("_id", session.getId()), session).append("attributes", attributes);
        Mono<Void> dropOldId = session.storedId != null ? deleteById(session.storedId) : Mono.empty();
        return mongo.getCollection(COLLECTION)
                .flatMap(collection -> Mono.from(collection.replaceOne(new Document("_id", session.getId()), document,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true))))
                .then(dropOldId);
    }

    /** Only what this request changed, and the times; a session removed meanwhile (sign-out) stays removed. */
    private Mono<Void> writeChanges(StoredSession session) {
        Update update = new Update();
        times(new Document(), session).forEach(update::set);
        session.changed.forEach((name, value) -> {
            if (value == null) {
                update.unset("attributes." + fieldName(name));
            } else {
                update.set("attributes." + fieldName(name), new Binary(serialize(value)));
            }
        });
        return mongo.updateFirst(new Query(Criteria.where("_id").is(session.getId())), update, COLLECTION).then();
    }

    private static Document times(Document document, Session session) {
        return document.append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expireAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())));
    }

    @Override
    public Mono<StoredSession> findById(String id) {
        return mongo.findById(id, Document.class, COLLECTION)
                .publishOn(Schedulers.boundedElastic())
                .flatMap(document -> {
                    StoredSession session = read(id, document);
                    return session == null || session.isExpired() ? deleteById(id).then(Mono.<StoredSession>empty())
                            : Mono.just(session);
                });
    }

    /** The stored session, or null for one that cannot be read (an earlier format, a class changed): sign in again. */
    private static StoredSession read(String id, Document document) {
        if (!(document.get("attributes") instanceof Document attributes) || document.getDate("lastAccessedAt") == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("createdAt").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            Object value = deserialize(((Binary) attribute.getValue()).getData());
            if (value == null) {
                return null;
            }
            session.setAttribute(attributeName(attribute.getKey()), value);
        }
        return new StoredSession(session, id);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    /** Attribute names have dots (Spring Security's are class names); a field name must not, nor start with $. */
    static String fieldName(String attributeName) {
        return attributeName.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String attributeName(String fieldName) {
        return fieldName.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }

    private static byte[] serialize(Object value) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A session attribute cannot be stored", e);
        }
    }

    private static Object deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            return null;
        }
    }

    /** A session that remembers which of its attributes this request changed, and the id it is stored under. */
    public static final class StoredSession implements Session {

        private final MapSession session;
        /** attribute → new value, null when removed */
        private final Map<String, Object> changed = new HashMap<>();
        /** null until first saved */
        private String storedId;

        StoredSession(MapSession session, String storedId) {
            this.session = session;
            this.storedId = storedId;
        }

        private void saved() {
            storedId = session.getId();
            changed.clear();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
            changed.put(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
            changed.put(attributeName, null);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
