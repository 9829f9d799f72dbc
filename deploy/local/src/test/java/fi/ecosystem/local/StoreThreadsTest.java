package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** {@code --store-threads} sets how many threads of the embedded store handle the connections' commands. */
class StoreThreadsTest {

    @TempDir
    Path tmp;

    @Test
    void theStoreHandlesItsConnectionsOnTheThreadsAsked() throws Exception {
        int port = LauncherProcess.freePort();
        // fewer than Netty's default (two per core, at least 2): a store that ignored the option would use more
        Options options = Options.parse(new String[] {"--root=" + tmp, "--mongo-port=" + port, "--store-threads=1"});
        assertEquals(1, options.storeThreads);
        MongoStore store = new MongoStore(options, null);
        List<MongoClient> clients = new ArrayList<>();
        try {
            store.start();
            // each client has connections of its own, which the store spreads over its threads
            for (int i = 0; i < 6; i++) {
                MongoClient client = MongoClients.create("mongodb://localhost:" + port);
                clients.add(client);
                client.getDatabase("threads").runCommand(new Document("ping", 1));
            }
            assertEquals(1, workers(), "the store's threads handling commands");
        } finally {
            clients.forEach(MongoClient::close);
            store.stop();
        }
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("mongo-server-worker"))
                .count();
    }
}
