package fi.ecosystem.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.MapSession;

/** Sessions survive in the shared store: what one gateway replica saved, another finds. */
class MongoWebSessionsTest {

    final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(MongoClients.create(EmbeddedStore.uri()), "sessions-test");
    final MongoWebSessions replicaA = new MongoWebSessions(mongo, Duration.ofMinutes(30));
    final MongoWebSessions replicaB = new MongoWebSessions(mongo, Duration.ofMinutes(30));

    /** Whether the store holds a document for this session id, read past the repository. */
    boolean stored(String id) {
        return mongo.findById(id, Document.class, MongoWebSessions.COLLECTION).block() != null;
    }

    @Test
    void aSessionSavedByOneReplicaIsFoundByAnother() {
        MapSession session = replicaA.createSession().block();
        session.setAttribute("tokens", "access-and-refresh");
        replicaA.save(session).block();

        MapSession found = replicaB.findById(session.getId()).block();

        assertThat(found).isNotNull();
        assertThat((String) found.getAttribute("tokens")).isEqualTo("access-and-refresh");
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aChangedSessionIdLeavesNoSessionUnderTheOldId() {
        MapSession session = replicaA.createSession().block();
        replicaA.save(session).block();
        MapSession loaded = replicaA.findById(session.getId()).block();
        assertThat(loaded).as("stored under its first id").isNotNull();
        String oldId = loaded.getId();
        assertThat(stored(oldId)).isTrue();

        loaded.changeSessionId(); // as on login, against session fixation
        replicaA.save(loaded).block();

        assertThat(replicaB.findById(oldId).block()).isNull();
        assertThat(stored(oldId)).as("the document under the old id is removed, not only unreadable").isFalse();
        assertThat(replicaB.findById(loaded.getId()).block()).isNotNull();
    }

    @Test
    void anIdleSessionIsGone() {
        MapSession idle = replicaA.createSession().block();
        idle.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
        replicaA.save(idle).block();
        MapSession recent = replicaA.createSession().block();
        recent.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(29)));
        replicaA.save(recent).block();
        assertThat(stored(idle.getId())).as("saved like any other").isTrue();

        assertThat(replicaB.findById(idle.getId()).block()).isNull();
        assertThat(replicaB.findById(recent.getId()).block()).as("within the idle timeout").isNotNull();
        assertThat(stored(idle.getId())).as("the idle one is removed when met").isFalse();
    }

    @Test
    void aDeletedSessionIsGone() {
        MapSession session = replicaA.createSession().block();
        replicaA.save(session).block();
        assertThat(replicaA.findById(session.getId()).block()).as("found before the deletion").isNotNull();

        replicaB.deleteById(session.getId()).block();

        assertThat(replicaA.findById(session.getId()).block()).isNull();
        assertThat(stored(session.getId())).isFalse();
    }
}
