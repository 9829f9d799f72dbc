package fi.ecosystem.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MongoDB wire-protocol server in memory, for slice and service tests (the full-stack tests use the
 * file-backed one of the local stack). One per test JVM, started on first use.
 */
public final class EmbeddedStore {

    private static MongoServer server;
    private static String uri;

    private EmbeddedStore() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return uri;
    }

    /** For {@code @DynamicPropertySource}: points the service at the embedded store. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", EmbeddedStore::uri);
    }

    /** The same, with a database of the test's own, so test classes sharing the store do not meet. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        register(registry);
        registry.add("spring.mongodb.database", () -> database);
    }
}
