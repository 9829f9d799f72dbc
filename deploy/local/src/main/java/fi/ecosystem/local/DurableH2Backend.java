package fi.ecosystem.local;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 (MVStore) backend of mongo-java-server, made durable per write: the MVStore only auto-commits about once a
 * second, so a {@code kill -9} right after an acknowledged write lost it. Every command (OP_MSG and legacy OP_QUERY
 * both end in {@link #handleCommand}) that left unsaved changes is committed to the file before its reply is sent.
 * Concurrent commands share one commit (group commit): a command that finishes while another's commit is being
 * written waits for the next one, which then covers every command that finished meanwhile; each reply still
 * goes out only after its own changes are on disk.
 * Its unique indexes are {@link OrderedUniqueIndex}es, which answer prefixes of {@code _id} from a key range.
 *
 * <p>Public for the benchmarks (bench/ContactsBench.java), which measure the store the local stack runs.
 */
public final class DurableH2Backend extends H2Backend {

    /** Commands handled and commits written, for the benchmarks' cost per operation (the stack console shows them). */
    private final java.util.concurrent.atomic.AtomicLong commandCount = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong commitCount = new java.util.concurrent.atomic.AtomicLong();
    /** Commands by database, command name and collection ("events insert registrations"), for the same. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> commandKinds =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The CPU time the store spent handling each kind of command (the commit apart): where the stand-in spends what
     * MongoDB would not (it keeps no secondary index, so a query no unique index serves reads the whole collection).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> cpuByKind =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Object commits = new Object();
    /** Commands that asked for their changes to be committed, counted. */
    private long requested;
    /** Every request up to this number is committed. */
    private long committed;
    private boolean committing;

    public DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                // the map H2Database itself would open, so files written before are read as they are
                String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
                return new OrderedUniqueIndex(getMvStore().openMap(mapName,
                        new MVMap.Builder<SerialisedKeyType.Key, Object>().keyType(SerialisedKeyType.INSTANCE)), indexName, keys, sparse);
            }

            /** The maps H2Database itself would open, their documents written as BSON ({@link BsonDocumentType}). */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
            }

            /**
             * mongo-java-server keeps no secondary indexes (queries scan); its placeholder reports itself empty, so
             * opening a database read every collection twice per declared index to fill it. Not empty: not filled.
             */
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                return new EmptyIndex<>(indexName, keys) {
                    @Override
                    public boolean isEmpty() {
                        return false;
                    }
                };
            }
        };
    }

    /**
     * Also keeps the store's version at the command's start readable until the command is done: a scan reads a
     * snapshot of its map lazily, and with a commit after every command the chunks of that snapshot were otherwise
     * freed under a long scan ("Chunk … not found").
     */
    public long commands() {
        return commandCount.get();
    }

    public long commitsWritten() {
        return commitCount.get();
    }

    /** The commands handled so far by database, command name and collection, e.g. {@code events insert registrations}. */
    public java.util.Map<String, Long> commandsByKind() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        commandKinds.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    private static String kindOf(String databaseName, String command, Document query) {
        Object collection = "getMore".equals(command) ? query.get("collection") : query.get(command);
        return databaseName + " " + command + (collection instanceof String name ? " " + name : "");
    }

    /** The CPU milliseconds the store spent on each kind of command so far, as {@link #commandsByKind} names them. */
    public java.util.Map<String, Double> cpuMillisByKind() {
        java.util.Map<String, Double> millis = new java.util.TreeMap<>();
        cpuByKind.forEach((kind, nanos) -> millis.put(kind, nanos.sum() / 1e6));
        return millis;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        commandCount.incrementAndGet();
        String kind = kindOf(databaseName, command, query);
        commandKinds.computeIfAbsent(kind, counted -> new java.util.concurrent.atomic.LongAdder()).increment();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
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
            store.deregisterVersionUsage(reading);
            cpuByKind.computeIfAbsent(kind, spent -> new java.util.concurrent.atomic.LongAdder())
                    .add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            if (store.hasUnsavedChanges() && !store.isClosed()) {
                commitInGroup();
            }
        }
    }

    /**
     * Returns once a commit that started after this command's changes has ended. The first waiting command
     * writes the commit for all that asked before it started; the others wait for it instead of each
     * writing one of their own.
     */
    private void commitInGroup() {
        long mine;
        long covered;
        synchronized (commits) {
            mine = ++requested;
            while (committing && committed < mine) {
                try {
                    commits.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a commit", e);
                }
            }
            if (committed >= mine) {
                return;
            }
            committing = true;
            covered = requested;
        }
        boolean written = false;
        try {
            if (!getMvStore().isClosed()) {
                commit();
                commitCount.incrementAndGet();
            }
            written = true;
        } finally {
            synchronized (commits) {
                committing = false;
                if (written) {
                    committed = Math.max(committed, covered);
                }
                // after a failed commit the next waiting command tries again, for itself and the others
                commits.notifyAll();
            }
        }
    }
}
