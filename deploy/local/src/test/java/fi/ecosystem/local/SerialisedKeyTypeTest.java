package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * An index map written with H2's own key type opens with {@link SerialisedKeyType} and the other way round: every
 * key is found, and the keys are in the same order.
 */
class SerialisedKeyTypeTest {

    @TempDir
    Path tmp;

    /** Keys of the kinds the services' indexes hold: strings, numbers, compound keys. */
    private static List<KeyValue> keys(int from, int to) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add(new KeyValue("w:" + Integer.toString(i * 7919 % 100_003, 36) + ":" + i));
            keys.add(new KeyValue(i * 31L));
            keys.add(new KeyValue("event-" + i % 17, "person." + i + "@example.org"));
        }
        return keys;
    }

    @Test
    void aMapWrittenWithH2sKeyTypeIsReadAndExtendedAndReadBackByH2() {
        Path file = tmp.resolve("index.mv");
        List<KeyValue> written = keys(0, 2_000);
        List<KeyValue> h2Order = new ArrayList<>();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<KeyValue, Object> map = store.openMap("index");
            written.forEach(key -> map.put(key, "at " + key));
            map.keySet().forEach(h2Order::add);
        }
        List<KeyValue> added = keys(2_000, 3_000);
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<SerialisedKeyType.Key, Object> map = store.openMap("index",
                    new MVMap.Builder<SerialisedKeyType.Key, Object>().keyType(SerialisedKeyType.INSTANCE));
            List<KeyValue> order = new ArrayList<>();
            map.keySet().forEach(key -> order.add(key.value()));
            assertEquals(h2Order, order);
            for (KeyValue key : written) {
                assertEquals("at " + key, map.get(SerialisedKeyType.Key.of(key)), key.toString());
            }
            added.forEach(key -> map.put(SerialisedKeyType.Key.of(key), "at " + key));
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<KeyValue, Object> map = store.openMap("index");
            assertEquals(written.size() + added.size(), map.size());
            for (KeyValue key : added) {
                assertEquals("at " + key, map.get(key), key.toString());
            }
            for (KeyValue key : written) {
                assertEquals("at " + key, map.get(key), key.toString());
            }
        }
    }
}
