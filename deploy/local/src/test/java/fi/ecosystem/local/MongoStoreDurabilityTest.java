package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/** An acknowledged write to the embedded store survives kill -9 of the launcher. */
class MongoStoreDurabilityTest {

    @TempDir
    Path tmp;

    @Test
    void acknowledgedWriteSurvivesKillMinus9() throws Exception {
        int mongoPort = LauncherProcess.freePort();
        int consolePort = LauncherProcess.freePort();
        Path data = tmp.resolve("data");
        String[] args = {"--only=mongo", "--data=" + data, "--mongo-port=" + mongoPort, "--console-port=" + consolePort};

        try (LauncherProcess first = LauncherProcess.start(tmp, args).awaitHealthy(Duration.ofSeconds(30))) {
            try (MongoClient client = client(mongoPort)) {
                MongoCollection<Document> things = client.getDatabase("durability").getCollection("things")
                        .withWriteConcern(WriteConcern.ACKNOWLEDGED);
                things.insertOne(new Document("_id", "before-kill").append("value", 42));
                things.updateOne(Filters.eq("_id", "before-kill"), new Document("$set", new Document("updated", true)));
                // SIGKILL right after the acknowledgement: no shutdown hook, no background commit
                first.killHard();
            }
        }

        try (LauncherProcess second = LauncherProcess.start(tmp, args).awaitHealthy(Duration.ofSeconds(30));
             MongoClient client = client(mongoPort)) {
            Document doc = client.getDatabase("durability").getCollection("things")
                    .find(Filters.eq("_id", "before-kill")).first();
            assertNotNull(doc, "the acknowledged document was lost by kill -9");
            assertEquals(42, doc.getInteger("value"));
            assertEquals(Boolean.TRUE, doc.getBoolean("updated"));
            // Spring Boot's health check asks every database "hello"
            Document hello = client.getDatabase("durability").runCommand(new Document("hello", 1));
            assertEquals(1.0, ((Number) hello.get("ok")).doubleValue());
            assertEquals(Boolean.TRUE, hello.getBoolean("isWritablePrimary"));
            int exit = second.stop();
            assertTrue(exit == 0 || exit == 143, "launcher exit code after SIGTERM: " + exit);
        }
    }

    /**
     * Many writers at once share commits (group commit): each acknowledgement still means the write is on disk,
     * so every acknowledged document is there after kill -9, however the commits were grouped.
     */
    @Test
    void concurrentAcknowledgedWritesSurviveKillMinus9() throws Exception {
        int mongoPort = LauncherProcess.freePort();
        int consolePort = LauncherProcess.freePort();
        Path data = tmp.resolve("data");
        String[] args = {"--only=mongo", "--data=" + data, "--mongo-port=" + mongoPort, "--console-port=" + consolePort};
        int writers = 8;
        int each = 40;

        try (LauncherProcess first = LauncherProcess.start(tmp, args).awaitHealthy(Duration.ofSeconds(30));
             MongoClient client = client(mongoPort)) {
            MongoCollection<Document> things = client.getDatabase("durability").getCollection("grouped")
                    .withWriteConcern(WriteConcern.ACKNOWLEDGED);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        things.insertOne(new Document("_id", w + "-" + i).append("writer", w));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> writes : done) {
                writes.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            first.killHard();
        }

        try (LauncherProcess second = LauncherProcess.start(tmp, args).awaitHealthy(Duration.ofSeconds(30));
             MongoClient client = client(mongoPort)) {
            long kept = client.getDatabase("durability").getCollection("grouped").countDocuments();
            assertEquals(writers * each, kept, "acknowledged documents lost by kill -9");
            second.stop();
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }
}
