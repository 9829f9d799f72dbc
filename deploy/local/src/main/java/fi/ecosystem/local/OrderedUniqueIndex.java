package fi.ecosystem.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index of the embedded store that answers an anchored prefix, {@code {_id: /^prefix/}}, from a range of
 * its keys, as MongoDB's B-tree does. mongo-java-server's own unique index (H2UniqueIndex) keeps its keys in an
 * MVMap ordered by their serialised bytes, so it answers a prefix by testing every key of the collection; the
 * services' word indexes (contacts-service's {@code contact_words}) rely on prefix ranges of {@code _id}. It also
 * answers the index's field when the query has other fields too, which mongo-java-server leaves to a scan.
 *
 * <p>The keys are stored exactly as H2UniqueIndex stores them, in the same map of the file: a store written before
 * this index existed opens unchanged. In memory each key carries its serialised bytes ({@link SerialisedKeyType}),
 * so a lookup does not serialise the keys it compares. The string keys of a single-field index are also held in memory in string
 * order, read from the map when the index is opened (a big one in the background, answering by a scan until done)
 * and kept in step with every add and remove. Any other query
 * goes to mongo-java-server's own code; the store matches every document found against the whole query, so the
 * index only decides which documents are read.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<SerialisedKeyType.Key, Object> map;
    /** The single-field index's string keys in order; null for a compound index. */
    private final NavigableMap<String, Object> ordered;
    /** Whether {@link #ordered} holds every key yet (it is being read from the map when the index is opened). */
    private volatile boolean learned;
    private static final int CHUNK = 10_000;
    private static final Executor LEARNER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-ordered-keys");
        thread.setDaemon(true);
        return thread;
    });

    OrderedUniqueIndex(MVMap<SerialisedKeyType.Key, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.ordered = keys.size() == 1 ? new ConcurrentSkipListMap<>() : null;
        if (ordered == null) {
            return;
        }
        if (map.sizeAsLong() <= CHUNK) {
            learnKeys();
        } else {
            // a big collection's keys take a while to read (Java deserialisation): the store answers meanwhile,
            // prefixes by a scan as mongo-java-server does
            LEARNER.execute(this::learnKeys);
        }
    }

    /**
     * Reads the keys of the map into the ordered keys, a chunk at a time under the index's lock, so that adds and
     * removes between chunks (which keep the ordered keys in step themselves) are never lost or undone.
     */
    private void learnKeys() {
        SerialisedKeyType.Key resumeAfter = null;
        boolean more = true;
        while (more) {
            synchronized (this) {
                MVStore.TxCounter reading = map.getStore().registerVersionUsage(); // see DurableH2Backend
                try {
                    Cursor<SerialisedKeyType.Key, Object> cursor = map.cursor(resumeAfter);
                    int read = 0;
                    more = false;
                    while (cursor.hasNext()) {
                        SerialisedKeyType.Key key = cursor.next();
                        if (key.equals(resumeAfter)) {
                            continue;
                        }
                        if (key.value().size() == 1 && key.value().get(0) instanceof String string) {
                            ordered.putIfAbsent(string, cursor.getValue());
                        }
                        resumeAfter = key;
                        if (++read == CHUNK) {
                            more = true;
                            break;
                        }
                    }
                } finally {
                    map.getStore().deregisterVersionUsage(reading);
                }
            }
        }
        learned = true;
    }

    /** Whether prefixes are answered from the ordered keys yet. */
    boolean hasLearnedKeys() {
        return learned;
    }

    /**
     * The literal a regular expression is anchored to, when it is nothing else: {@code ^abc} or {@code ^\Qa.b\E}
     * (Java's {@code Pattern.quote}) without options; null for any other value or expression.
     */
    static String literalPrefix(Object queried) {
        if (!BsonRegularExpression.isRegularExpression(queried)) {
            return null;
        }
        BsonRegularExpression regex = BsonRegularExpression.convertToRegularExpression(queried);
        String options = regex.getOptions();
        String pattern = regex.getPattern();
        if ((options != null && !options.isEmpty()) || pattern == null || !pattern.startsWith("^")) {
            return null;
        }
        String body = pattern.substring(1);
        if (body.startsWith("\\Q") && body.endsWith("\\E") && body.indexOf("\\E") == body.length() - 2) {
            return body.substring(2, body.length() - 2);
        }
        for (int i = 0; i < body.length(); i++) {
            if ("\\.[]{}()*+?^$|".indexOf(body.charAt(i)) >= 0) {
                return null;
            }
        }
        return body;
    }

    /**
     * Also a query with more fields than this index's one, e.g. {@code {_id: x, version: 3}} (every optimistic
     * save) or {@code {_id: x, "pendingEvents.0": {$exists: true}}}: mongo-java-server uses an index only for a
     * query on exactly its fields and otherwise reads the whole collection.
     */
    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || narrowed(query) != null;
    }

    /** The condition of a query with more fields on this single-field index's field, when the index answers it. */
    private Document narrowed(Document query) {
        if (ordered == null || query.size() < 2) {
            return null;
        }
        String key = keys().get(0);
        Object value = query.get(key);
        if (value == null) {
            return null;
        }
        Document own = new Document(key, value);
        return super.canHandle(own) ? own : null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Document narrowed = narrowed(query);
        Document own = narrowed != null && !super.canHandle(query) ? narrowed : query;
        String prefix = ordered == null || !learned ? null : literalPrefix(own.get(keys().get(0)));
        if (prefix == null) {
            return super.getPositions(own);
        }
        List<Object> positions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : ordered.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            positions.add(entry.getValue());
        }
        return positions;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        Object removed = map.remove(SerialisedKeyType.Key.of(keyValue));
        if (ordered != null && keyValue.size() == 1 && keyValue.get(0) instanceof String key) {
            ordered.remove(key);
        }
        return removed;
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        Object stored = Missing.ofNullable(position);
        boolean added = map.putIfAbsent(SerialisedKeyType.Key.of(keyValue), stored) == null;
        if (added && ordered != null && keyValue.size() == 1 && keyValue.get(0) instanceof String key) {
            ordered.put(key, stored);
        }
        return added;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(entry -> Map.entry(entry.getKey().value(), entry.getValue())).iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(SerialisedKeyType.Key.of(keyValue));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
