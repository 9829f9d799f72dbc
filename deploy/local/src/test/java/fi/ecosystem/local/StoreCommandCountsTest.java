package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;

/** The store counts its commands by database, command and collection, for the benchmarks' cost per registration. */
class StoreCommandCountsTest {

    @TempDir
    Path tmp;

    @Test
    void eachCommandIsCountedUnderItsDatabaseCommandAndCollection() {
        DurableH2Backend backend = new DurableH2Backend(new MVStore.Builder().fileName(tmp.resolve("store.mv").toString()).open());
        MongoServer server = new MongoServer(backend);
        try {
            String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> registrations = client.getDatabase("events").getCollection("registrations");
                registrations.insertMany(List.of(new Document("_id", "r-1"), new Document("_id", "r-2"))); // one command
                registrations.insertOne(new Document("_id", "r-3"));
                registrations.updateOne(Filters.eq("_id", "r-1"), new Document("$set", new Document("status", "CONFIRMED")));
                registrations.find(Filters.eq("_id", "r-2")).first();
                client.getDatabase("contacts").getCollection("contacts").find().into(new ArrayList<>());
            }
            assertEquals(2L, backend.commandsByKind().get("events insert registrations"));
            assertEquals(1L, backend.commandsByKind().get("events update registrations"));
            assertEquals(1L, backend.commandsByKind().get("events find registrations"));
            assertEquals(1L, backend.commandsByKind().get("contacts find contacts"));
            long counted = backend.commandsByKind().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(backend.commands(), counted, "every command is counted under one kind");
            assertEquals(backend.commandsByKind().keySet(), backend.cpuMillisByKind().keySet(), "the CPU of each kind");
            org.junit.jupiter.api.Assertions.assertTrue(backend.cpuMillisByKind().values().stream().mapToDouble(Double::doubleValue)
                    .sum() > 0, "some CPU was spent");
        } finally {
            server.shutdownNow();
        }
    }
}
