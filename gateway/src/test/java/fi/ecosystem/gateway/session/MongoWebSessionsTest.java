package fi.ecosystem.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

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
        var session = replicaA.createSession().block();
        session.setAttribute("tokens", "access-and-refresh");
        replicaA.save(session).block();

        var found = replicaB.findById(session.getId()).block();

        assertThat(found).isNotNull();
        assertThat((String) found.getAttribute("tokens")).isEqualTo("access-and-refresh");
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aRequestThatChangedNothingDoesNotUndoWhatAParallelRequestStored() {
        var session = replicaA.createSession().block();
        session.setAttribute("savedRequest", "/app/contacts/1");
        replicaA.save(session).block();
        // the browser's favicon request loads the session before the sign-in begins and is saved after it
        var favicon = replicaA.findById(session.getId()).block();
        var signIn = replicaB.findById(session.getId()).block();
        signIn.setAttribute("authorizationRequest", "state-1");
        replicaB.save(signIn).block();
        favicon.setLastAccessedTime(Instant.now());
        replicaA.save(favicon).block();

        var callback = replicaB.findById(session.getId()).block();

        assertThat((String) callback.getAttribute("authorizationRequest")).isEqualTo("state-1");
        assertThat((String) callback.getAttribute("savedRequest")).isEqualTo("/app/contacts/1");
    }

    @Test
    void twoParallelRequestsKeepBothTheirChangesAndARemovalIsStored() {
        var session = replicaA.createSession().block();
        session.setAttribute("org.springframework.security.SPRING_SECURITY_CONTEXT", "context");
        session.setAttribute("language", "sv");
        replicaA.save(session).block();
        var one = replicaA.findById(session.getId()).block();
        var other = replicaB.findById(session.getId()).block();
        one.setAttribute("csrf", "token-1");
        other.removeAttribute("language");
        replicaA.save(one).block();
        replicaB.save(other).block();

        var found = replicaA.findById(session.getId()).block();

        assertThat(found.getAttributeNames())
                .containsExactlyInAnyOrder("org.springframework.security.SPRING_SECURITY_CONTEXT", "csrf");
        assertThat((String) found.getAttribute("org.springframework.security.SPRING_SECURITY_CONTEXT")).isEqualTo("context");
    }

    @Test
    void attributeNamesWithDotsDollarsAndPercentsComeBackAsTheyWere() {
        for (String name : List.of("a.b.C", "$x", "100%2E", "%", "plain")) {
            assertThat(MongoWebSessions.attributeName(MongoWebSessions.fieldName(name))).isEqualTo(name);
            assertThat(MongoWebSessions.fieldName(name)).doesNotContain(".").doesNotStartWith("$");
        }
    }

    @Test
    void aChangedSessionIdLeavesNoSessionUnderTheOldId() {
        var session = replicaA.createSession().block();
        replicaA.save(session).block();
        var loaded = replicaA.findById(session.getId()).block();
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
        var idle = replicaA.createSession().block();
        idle.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
        replicaA.save(idle).block();
        var recent = replicaA.createSession().block();
        recent.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(29)));
        replicaA.save(recent).block();
        assertThat(stored(idle.getId())).as("saved like any other").isTrue();

        assertThat(replicaB.findById(idle.getId()).block()).isNull();
        assertThat(replicaB.findById(recent.getId()).block()).as("within the idle timeout").isNotNull();
        assertThat(stored(idle.getId())).as("the idle one is removed when met").isFalse();
    }

    @Test
    void aDeletedSessionIsGone() {
        var session = replicaA.createSession().block();
        replicaA.save(session).block();
        assertThat(replicaA.findById(session.getId()).block()).as("found before the deletion").isNotNull();

        replicaB.deleteById(session.getId()).block();

        assertThat(replicaA.findById(session.getId()).block()).isNull();
        assertThat(stored(session.getId())).isFalse();
    }
}
