package fi.ecosystem.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.h2.mvstore.MVStore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The MongoDB wire-protocol store: mongo-java-server with its H2 MVStore backend, in the launcher's JVM, file backed
 * under {@code <data>/mongo/ecosystem.mv}. With {@code MONGODB_URI} set, nothing is started: that MongoDB is used.
 */
final class MongoStore extends Component {

    /**
     * Pages split at 4 KB, not H2's 16 KB: a commit writes every page it changed whole, and a registration changes a
     * few pages of several maps, so smaller pages write about half as much per registration (docs/speed.md).
     */
    static final int PAGE_SPLIT_BYTES = 4 * 1024;

    /** The running embedded store's backend (null with an external store), for its counters in the status. */
    private volatile DurableH2Backend backend;

    private final Options options;
    private final String externalUri;
    private volatile MongoServer server;

    MongoStore(Options options, String externalUri) {
        this.options = options;
        this.externalUri = externalUri == null || externalUri.isBlank() ? null : externalUri;
    }

    @Override
    String name() {
        return "mongo";
    }

    boolean isExternal() {
        return externalUri != null;
    }

    /** The base URI the services get (their own database name is put into it). */
    String baseUri() {
        return externalUri != null ? externalUri : "mongodb://localhost:" + options.mongoPort;
    }

    @Override
    String url() {
        return externalUri != null ? redact(externalUri) : "mongodb://localhost:" + options.mongoPort;
    }

    @Override
    Long pid() {
        return server != null ? ProcessHandle.current().pid() : null;
    }

    Path file() {
        return options.data.resolve("mongo").resolve("ecosystem.mv");
    }

    @Override
    synchronized void start() throws Exception {
        long t0 = System.currentTimeMillis();
        if (externalUri != null) {
            state = State.EXTERNAL;
            try {
                ping(externalUri, 5000);
                System.out.println("  using MONGODB_URI " + redact(externalUri) + " (reachable)");
            } catch (Exception e) {
                System.out.println("  WARNING: MONGODB_URI " + redact(externalUri) + " does not answer yet: " + e.getMessage());
            }
            startMillis = System.currentTimeMillis() - t0;
            return;
        }
        state = State.STARTING;
        try {
            Ports.requireFree("mongo", options.mongoPort);
            Files.createDirectories(file().getParent());
            MVStore store = new MVStore.Builder().fileName(file().toString()).pageSplitSize(PAGE_SPLIT_BYTES).open();
            DurableH2Backend durable = new DurableH2Backend(store);
            MongoServer s = new MongoServer(durable);
            try {
                s.bind(new InetSocketAddress("localhost", options.mongoPort), 1, options.storeThreads);
            } catch (RuntimeException e) {
                s.shutdownNow();
                throw e;
            }
            server = s;
            backend = durable;
            ping("mongodb://localhost:" + options.mongoPort, 10_000);
            state = State.HEALTHY;
            startMillis = System.currentTimeMillis() - t0;
        } catch (Exception e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Also the commands the embedded store handled, the CPU they took and the commits it wrote since it started. */
    @Override
    Map<String, Object> status() {
        Map<String, Object> m = super.status();
        DurableH2Backend running = backend;
        if (running != null) {
            m.put("commands", running.commands());
            m.put("commits", running.commitsWritten());
            m.put("commandsByKind", running.commandsByKind());
            m.put("cpuMillisByKind", running.cpuMillisByKind());
        }
        return m;
    }

    /** Health: TCP connect and a ping through the official driver. */
    static void ping(String uri, int timeoutMillis) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
            Object ok = reply.get("ok");
            if (!(ok instanceof Number n) || n.doubleValue() != 1.0) {
                throw new IllegalStateException("ping answered " + reply.toJson());
            }
        }
    }

    @Override
    void stop() {
        MongoServer s = server;
        server = null;
        backend = null;
        if (s != null) {
            // closes the backend, which commits and closes the MVStore
            s.shutdownNow();
        }
        if (state != State.EXTERNAL) {
            state = State.STOPPED;
        }
    }

    /** mongodb://user:secret@host → mongodb://user:***@host */
    static String redact(String uri) {
        return uri.replaceAll("(//[^:/@]+:)[^@/]*@", "$1***@");
    }

    /** Puts the database name into a MongoDB URI, keeping its options. */
    static String withDatabase(String uri, String database) {
        int schemeEnd = uri.indexOf("://");
        int hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int query = uri.indexOf('?', hostStart);
        String beforeQuery = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        int slash = beforeQuery.indexOf('/', hostStart);
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return hosts + "/" + database + options;
    }
}
