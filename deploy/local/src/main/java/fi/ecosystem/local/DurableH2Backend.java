package fi.ecosystem.local;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 (MVStore) backend of mongo-java-server, made durable per write: the MVStore only auto-commits about once a
 * second, so a {@code kill -9} right after an acknowledged write lost it. Every command (OP_MSG and legacy OP_QUERY
 * both end in {@link #handleCommand}) that left unsaved changes is committed to the file before its reply is sent.
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            if ("hello".equals(command)) {
                // drivers' monitoring and Spring Boot's health check send "hello", the successor of "isMaster"
                // that mongo-java-server answers only during the handshake
                Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
                reply.put("isWritablePrimary", Boolean.TRUE);
                return reply;
            }
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            MVStore store = getMvStore();
            if (store.hasUnsavedChanges() && !store.isClosed()) {
                commit();
            }
        }
    }
}
