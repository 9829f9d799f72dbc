package fi.ecosystem.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace collector and viewer: the Zipkin server's executable jar from Maven Central (copied by the module's
 * build to {@code target/zipkin/zipkin-server.jar}) as a child process, keeping spans in memory. Every service
 * sends its spans to {@code /api/v2/spans}; the UI and the query API ({@code /api/v2/trace/{id}}) are on the
 * same port. It starts beside the services and is awaited after them.
 */
final class ZipkinServer extends Component {

    private static final long HEALTH_TIMEOUT_MS = 180_000;
    /** Spans kept in memory; older traces drop out first. */
    private static final int MAX_SPANS = 10_000;

    private final Options options;
    private final String javaAgent;
    private final ChildProcess child;
    private volatile long launchedAt;

    ZipkinServer(Options options, String javaAgent) {
        this.options = options;
        this.javaAgent = javaAgent;
        this.child = new ChildProcess("zipkin", options.data.resolve("logs").resolve("zipkin.log"));
    }

    static Path jar(Options options) {
        return options.root.resolve("deploy/local/target/zipkin/zipkin-server.jar");
    }

    @Override
    String name() {
        return "zipkin";
    }

    @Override
    String url() {
        return "http://localhost:" + options.zipkinPort;
    }

    /** Where the services send their spans. */
    String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    @Override
    Long pid() {
        return child.pid();
    }

    @Override
    String failureLog() {
        return child.tail(40);
    }

    /** Starts the process without waiting. */
    synchronized void launch() throws Exception {
        if (child.isAlive()) {
            return;
        }
        state = State.STARTING;
        launchedAt = System.currentTimeMillis();
        try {
            Ports.requireFree("zipkin", options.zipkinPort);
            Path jar = jar(options);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + ": build it with ./mvnw -pl deploy/local package"
                        + " (or start with --skip=zipkin)");
            }
            List<String> cmd = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1"));
            cmd.addAll(ChildProcess.trimNativeHeap());
            if (javaAgent != null) {
                cmd.add(javaAgent);
            }
            cmd.addAll(List.of("-jar", jar.toString()));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUERY_PORT", String.valueOf(options.zipkinPort));
            env.put("STORAGE_TYPE", "mem");
            env.put("MEM_MAX_SPANS", String.valueOf(MAX_SPANS));
            // its own spans would only fill the viewer with the viewer
            env.put("SELF_TRACING_ENABLED", "false");
            child.start(cmd, env, options.data.toFile());
        } catch (Exception e) {
            state = State.FAILED;
            throw e;
        }
    }

    @Override
    void start() throws Exception {
        launch();
        String health = url() + "/health";
        long deadline = launchedAt + HEALTH_TIMEOUT_MS;
        Http.Response last = null;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("the Zipkin process exited during start");
                }
                last = Http.get(health, Duration.ofSeconds(5));
                if (last.status() == 200 && last.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    state = State.HEALTHY;
                    startMillis = System.currentTimeMillis() - launchedAt;
                    return;
                }
                ChildProcess.sleep(500);
            }
            throw new IllegalStateException("Zipkin did not answer UP on " + health + " within " + HEALTH_TIMEOUT_MS / 1000
                    + " s (last: " + (last == null ? "-" : last.status()) + ")");
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    @Override
    void stop() {
        if (child.process() != null) {
            child.stop(10);
        }
        state = State.STOPPED;
    }
}
