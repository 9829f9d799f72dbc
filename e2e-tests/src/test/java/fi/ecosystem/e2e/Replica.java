package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One more instance of a module of the stack, started from the same runnable jar the launcher uses. */
final class Replica implements AutoCloseable {

    private final Process process;
    final String url;

    private Replica(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code module} on {@code port} with the given environment and waits until it is healthy. */
    static Replica start(String module, int port, Map<String, String> env) throws Exception {
        Path root = Path.of(System.getProperty("ecosystem.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", root.resolve("deploy/local/target/stack/" + module + ".jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("e2e-tests/target/" + module + "-" + port + ".log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Replica replica = new Replica(builder.start(), "http://localhost:" + port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(replica.process.isAlive()).as(module + " on " + port + " is running").isTrue();
            try {
                return Api.get(replica.url + "/actuator/health", null).body().contains("\"UP\"");
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        return replica;
    }

    /** SIGKILL, as a crash: no graceful shutdown, no leaving the consumer group, no last offset commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
