package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A collection's documents written Java-serialised (by H2's own value type, as every store before
 * {@link BsonDocumentType}) open with it unchanged, and what it writes comes back equal, BSON where BSON carries it.
 */
class BsonDocumentTypeTest {

    @TempDir
    Path tmp;

    /** A document with the kinds of values the services store: strings, numbers, dates, ids, nested, arrays. */
    private static Document document(int i) {
        Document address = new Document("street", "Esimerkkikatu " + i).append("postalCode", "00100").append("city", "Helsinki");
        return new Document("_id", "registration-" + i)
                .append("eventId", new ObjectId())
                .append("email", "person." + i + "@example.org")
                .append("seat", i)
                .append("version", 1_000_000_000_000L + i)
                .append("score", i / 3.0)
                .append("confirmed", i % 2 == 0)
                .append("cancelledAt", null)
                .append("registeredAt", Instant.ofEpochMilli(1_780_000_000_000L + i))
                .append("personKey", UUID.nameUUIDFromBytes(("k" + i).getBytes()))
                .append("sealed", new BinData(new byte[] {1, 2, 3, (byte) i}))
                .append("amount", Decimal128.fromNumber(i / 4.0))
                .append("address", address)
                .append("answers", List.of("kyllä", "ei", new Document("question", "q" + i).append("answer", i)));
    }

    private static byte[] written(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    @Test
    void everyKindOfValueIsWrittenAsBsonAndReadBackEqual() {
        Document original = document(7);
        byte[] bytes = written(original);

        assertEquals(BsonDocumentType.BSON, bytes[0]);
        assertEquals(original, BsonDocumentType.INSTANCE.read(ByteBuffer.wrap(bytes)));
        assertTrue(bytes.length * 2 < ObjectDataType.serialize(original).length,
                bytes.length + " bytes of BSON against " + ObjectDataType.serialize(original).length + " Java-serialised");
    }

    @Test
    void aDocumentBsonCannotCarryIsJavaSerialisedAndReadBackEqual() {
        Document original = document(8).append("big", new BigInteger("123456789012345678901234567890"));
        byte[] bytes = written(original);

        assertTrue(bytes[0] != BsonDocumentType.BSON, "the first byte " + bytes[0]);
        assertEquals(original, BsonDocumentType.INSTANCE.read(ByteBuffer.wrap(bytes)));
    }

    @Test
    void aCollectionWrittenJavaSerialisedOpensUnchangedAndKeepsMixedValuesAcrossReopening() {
        Path file = tmp.resolve("store.mv");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            documents.add(document(i));
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Document> map = store.openMap("databases.events.registrations");
            documents.forEach(document -> map.put(document.get("_id"), document));
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Document> map = open(store);
            assertEquals(documents.size(), map.size());
            documents.forEach(document -> assertEquals(document, map.get(document.get("_id"))));
            // every third changed (written as BSON now), the rest left as they were written
            for (int i = 0; i < documents.size(); i += 3) {
                Document changed = new Document(documents.get(i)).append("confirmed", true).append("note", "muutettu " + i);
                documents.set(i, changed);
                map.put(changed.get("_id"), changed);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Document> map = open(store);
            assertEquals(documents.size(), map.size());
            List<Document> read = new ArrayList<>(map.values());
            documents.forEach(document -> assertEquals(document, map.get(document.get("_id"))));
            assertEquals(documents.size(), read.size());
        }
    }

    @Test
    void theStoreWritesWhatTheDriverSendsAsBsonAndReadsItBackAfterReopening() {
        Path file = tmp.resolve("served.mv");
        List<org.bson.Document> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(new org.bson.Document("_id", "registration-" + i)
                    .append("eventId", new org.bson.types.ObjectId())
                    .append("email", "person." + i + "@example.org")
                    .append("seat", i).append("version", 5_000_000_000L + i).append("confirmed", i % 2 == 0)
                    .append("registeredAt", new Date(1_780_000_000_000L + i))
                    .append("amount", new org.bson.types.Decimal128(i))
                    .append("answers", List.of("kyllä", new org.bson.Document("answer", i))));
        }
        List<org.bson.Document> first = serve(file, collection -> collection.insertMany(sent));
        assertEquals(sent, first);
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Object> asH2Wrote = store.openMap("databases.events.registrations");
            assertThrows(RuntimeException.class, () -> asH2Wrote.get("registration-1"),
                    "H2's own value type does not read a BSON value: the store wrote BSON");
        }
        assertEquals(sent, serve(file, collection -> { }));
    }

    /** Opens the store at the file, serves it, does the work, returns the collection's documents and closes it. */
    private static List<org.bson.Document> serve(Path file,
            Consumer<MongoCollection<org.bson.Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        try {
            String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<org.bson.Document> registrations =
                        client.getDatabase("events").getCollection("registrations");
                work.accept(registrations);
                return registrations.find().sort(new org.bson.Document("seat", 1)).into(new ArrayList<>());
            }
        } finally {
            server.shutdownNow();
            if (!store.isClosed()) {
                store.close();
            }
        }
    }

    private static MVMap<Object, Document> open(MVStore store) {
        return store.openMap("databases.events.registrations",
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }
}
