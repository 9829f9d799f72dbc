package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Prefixes of {@code _id} answered from the ordered keys find exactly what a scan finds — after inserts, updates,
 * deletes and a reopening of the file — and other expressions still work.
 */
class OrderedUniqueIndexTest {

    @TempDir
    Path tmp;

    @Test
    void prefixOfIdFindsExactlyTheKeysThatBeginWithIt() {
        Path file = tmp.resolve("store.mv");
        withStore(file, words -> {
            for (String id : List.of("n:virtanen:1", "n:virtanen:2", "n:virta:3", "n:vir:4", "n:viv:5", "o:virta:6",
                    "n:virtanen:7", "n:a.b:8", "n:axb:9", "n:ä:10")) {
                words.insertOne(new Document("_id", id).append("c", id.substring(id.lastIndexOf(':') + 1)));
            }
            words.insertOne(new Document("_id", 42).append("c", "number"));
            assertEquals(List.of("n:virta:3", "n:virtanen:1", "n:virtanen:2", "n:virtanen:7"), ids(words, "^" + Pattern.quote("n:virta")));
            assertEquals(List.of("n:vir:4", "n:virta:3", "n:virtanen:1", "n:virtanen:2", "n:virtanen:7"), ids(words, "^n:vir"));
            // the dot of a quoted prefix is a dot, not any character
            assertEquals(List.of("n:a.b:8"), ids(words, "^" + Pattern.quote("n:a.b")));
            assertEquals(List.of("n:ä:10"), ids(words, "^" + Pattern.quote("n:ä")));
            assertEquals(List.of(), ids(words, "^" + Pattern.quote("n:virtanen:1x")));

            words.deleteOne(Filters.eq("_id", "n:virtanen:2"));
            words.replaceOne(Filters.eq("_id", "n:virta:3"), new Document("_id", "n:virta:3").append("c", "changed"));
            words.insertOne(new Document("_id", "n:virtala:11"));
            assertEquals(List.of("n:virta:3", "n:virtala:11", "n:virtanen:1", "n:virtanen:7"), ids(words, "^" + Pattern.quote("n:virta")));
            assertEquals("changed", words.find(Filters.regex("_id", "^n:virta:")).first().getString("c"));

            // the id with other conditions, as in every optimistic save: the other conditions still hold
            assertEquals(List.of("n:virta:3"), sorted(words.find(Filters.and(Filters.eq("_id", "n:virta:3"), Filters.eq("c", "changed")))));
            assertEquals(List.of(), sorted(words.find(Filters.and(Filters.eq("_id", "n:virta:3"), Filters.eq("c", "3")))));
            assertEquals(List.of("n:virtanen:7"), sorted(words.find(new Document("_id", new Document("$in", List.of("n:virtanen:7", "n:vir:4")))
                    .append("c", "7"))));
            assertEquals(List.of("n:virtala:11"), sorted(words.find(new Document("_id", new Document("$regex", "^n:virta"))
                    .append("c", new Document("$exists", false)))));
            assertEquals(1, words.updateOne(new Document("_id", "n:vir:4").append("c", "4"),
                    new Document("$set", new Document("c", "four"))).getModifiedCount());
            assertEquals(0, words.updateOne(new Document("_id", "n:vir:4").append("c", "4"),
                    new Document("$set", new Document("c", "again"))).getModifiedCount());
        });

        // reopened: the ordered keys are built again from the file
        withStore(file, words -> {
            assertEquals(List.of("n:virta:3", "n:virtala:11", "n:virtanen:1", "n:virtanen:7"), ids(words, "^" + Pattern.quote("n:virta")));
            // expressions that are not a plain anchored prefix are answered as before
            assertEquals(List.of("n:virtanen:1", "n:virtanen:7"), ids(words, "virtanen"));
            assertEquals(List.of("n:a.b:8", "n:axb:9"), ids(words, "^n:a.b"));
            assertEquals(List.of("n:virta:3", "n:virtala:11", "n:virtanen:1", "n:virtanen:7"),
                    sorted(words.find(Filters.regex("_id", "^N:VIRTA", "i"))));
            assertEquals(List.of("n:vir:4", "n:virta:3"), sorted(words.find(Filters.in("_id", "n:vir:4", "n:virta:3", "n:none"))));
            assertEquals("number", words.find(Filters.eq("_id", 42)).first().getString("c"));
            assertNull(words.find(Filters.eq("_id", "n:virtanen:2")).first());
            // the unique index still refuses a second document with the same id
            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> words.insertOne(new Document("_id", "n:virtanen:1")));
            assertEquals(11000, duplicate.getCode());
            assertEquals(11, words.countDocuments());
        });
    }

    @Test
    void prefixIsReadFromTheOrderedKeysNotFromAScan() {
        MVStore mvStore = MVStore.open(null);
        MVMap<SerialisedKeyType.Key, Object> map = keys(mvStore);
        map.put(key("n:virta:0"), "written before the index was opened");
        OrderedUniqueIndex index = new OrderedUniqueIndex(map, "_id_", List.of(new IndexKey("_id", true)), false);
        index.putKeyPosition(new KeyValue("n:virtanen:1"), "position 1");
        index.putKeyPosition(new KeyValue("n:vir:2"), "position 2");
        // behind the index's back: a scan of the map would find it, the ordered keys do not
        map.put(key("n:virtala:3"), "not through the index");
        var query = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.BsonRegularExpression("^n:virta"));
        List<Object> found = new ArrayList<>();
        index.getPositions(query).forEach(found::add);
        assertEquals(List.of("written before the index was opened", "position 1"), found);
        index.removeDocument(new KeyValue("n:virtanen:1"));
        found.clear();
        index.getPositions(query).forEach(found::add);
        assertEquals(List.of("written before the index was opened"), found);
        mvStore.close();
    }

    @Test
    void aBigIndexLearnsItsKeysInTheBackgroundWithoutLosingChangesMeanwhile() throws Exception {
        MVStore mvStore = MVStore.open(null);
        MVMap<SerialisedKeyType.Key, Object> map = keys(mvStore);
        for (int i = 0; i < 35_000; i++) {
            map.put(key(String.format("k:%05d", i)), "p" + i);
        }
        OrderedUniqueIndex index = new OrderedUniqueIndex(map, "_id_", List.of(new IndexKey("_id", true)), false);
        // changes while it reads, as the store makes them: under the index's lock
        synchronized (index) {
            index.removeDocument(new KeyValue("k:34998"));
            index.putKeyPosition(new KeyValue("k:new"), "p-new");
        }
        var prefix = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.BsonRegularExpression("^k:3499", ""));
        List<Object> found = new ArrayList<>();
        index.getPositions(prefix).forEach(found::add); // correct also before it has learned: a scan
        assertEquals(9, found.size());
        for (int wait = 0; wait < 300 && !index.hasLearnedKeys(); wait++) {
            Thread.sleep(100);
        }
        assertTrue(index.hasLearnedKeys());
        found.clear();
        index.getPositions(prefix).forEach(found::add);
        assertEquals(List.of("p34990", "p34991", "p34992", "p34993", "p34994", "p34995", "p34996", "p34997", "p34999"), found);
        found.clear();
        index.getPositions(new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.BsonRegularExpression("^k:", ""))).forEach(found::add);
        assertEquals(35_000, found.size());
        mvStore.close();
    }

    @Test
    void answersItsFieldAlsoWhenTheQueryHasOthers() {
        MVStore mvStore = MVStore.open(null);
        OrderedUniqueIndex index = new OrderedUniqueIndex(keys(mvStore), "_id_", List.of(new IndexKey("_id", true)), false);
        index.putKeyPosition(new KeyValue("a"), "position a");
        var withVersion = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("version", 3);
        assertTrue(index.canHandle(withVersion));
        List<Object> found = new ArrayList<>();
        index.getPositions(withVersion).forEach(found::add);
        assertEquals(List.of("position a"), found);
        // not an equality, an $in or an anchored prefix of the field: left to a scan
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("version", 3)));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id", null).append("version", 3)));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$exists", true)).append("version", 3)));
        mvStore.close();
    }

    @Test
    void literalPrefixIsFoundOnlyInAnchoredLiterals() {
        assertEquals("n:virt", OrderedUniqueIndex.literalPrefix(new de.bwaldvogel.mongo.bson.BsonRegularExpression("^n:virt")));
        assertEquals("a.b", OrderedUniqueIndex.literalPrefix(new de.bwaldvogel.mongo.bson.BsonRegularExpression("^\\Qa.b\\E")));
        assertNull(OrderedUniqueIndex.literalPrefix(new de.bwaldvogel.mongo.bson.BsonRegularExpression("^a.b")));
        assertNull(OrderedUniqueIndex.literalPrefix(new de.bwaldvogel.mongo.bson.BsonRegularExpression("n:virt")));
        assertNull(OrderedUniqueIndex.literalPrefix(new de.bwaldvogel.mongo.bson.BsonRegularExpression("^a", "i")));
        assertNull(OrderedUniqueIndex.literalPrefix(new de.bwaldvogel.mongo.bson.BsonRegularExpression("^\\Qa\\E.*\\Qb\\E")));
        assertNull(OrderedUniqueIndex.literalPrefix("^plain string"));
    }

    private interface StoreUse {
        void use(MongoCollection<Document> words);
    }

    private static void withStore(Path file, StoreUse use) {
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).open();
        DurableH2Backend backend = new DurableH2Backend(mvStore);
        MongoServer server = new MongoServer(backend);
        try {
            String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                use.use(client.getDatabase("contacts").getCollection("contact_words"));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> ids(MongoCollection<Document> words, String regex) {
        return sorted(words.find(Filters.regex("_id", regex)));
    }

    private static List<String> sorted(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(String.valueOf(document.get("_id"))));
        ids.sort(null);
        return ids;
    }

    private static MVMap<SerialisedKeyType.Key, Object> keys(MVStore mvStore) {
        return mvStore.openMap("index", new MVMap.Builder<SerialisedKeyType.Key, Object>().keyType(SerialisedKeyType.INSTANCE));
    }

    private static SerialisedKeyType.Key key(String id) {
        return SerialisedKeyType.Key.of(new KeyValue(id));
    }
}
