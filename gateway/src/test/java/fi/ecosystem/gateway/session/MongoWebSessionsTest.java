package fi.ecosystem.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.MapSession;

/** Sessions survive in the shared store: what one gateway replica saved, another finds. */
class MongoWebSessionsTest {

    final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(MongoClients.create(EmbeddedStore.uri()), "sessions-test");
    final MongoWebSessions replicaA = new MongoWebSessions(mongo, Duration.ofMinutes(30));
    final MongoWebSessions replicaB = new MongoWebSessions(mongo, Duration.ofMinutes(30));

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
        String oldId = loaded.getId();

        loaded.changeSessionId(); // as on login, against session fixation
        replicaA.save(loaded).block();

        assertThat(replicaB.findById(oldId).block()).isNull();
        assertThat(replicaB.findById(loaded.getId()).block()).isNotNull();
    }

    @Test
    void anIdleSessionIsGone() {
        MapSession session = replicaA.createSession().block();
        session.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
        replicaA.save(session).block();

        assertThat(replicaB.findById(session.getId()).block()).isNull();
    }

    @Test
    void aDeletedSessionIsGone() {
        MapSession session = replicaA.createSession().block();
        replicaA.save(session).block();

        replicaB.deleteById(session.getId()).block();

        assertThat(replicaA.findById(session.getId()).block()).isNull();
    }
}
