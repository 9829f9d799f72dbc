package fi.ecosystem.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution (unpacked by the module's build into {@code target/keycloak/}) as a child process:
 * {@code kc.sh start-dev --import-realm} with the realm files copied into its {@code data/import/}. Its H2 database
 * lives under {@code <data>/keycloak}, so {@code --wipe} resets it too.
 */
final class KeycloakServer extends Component {

    static final String REALM = "ecosystem";
    private static final long HEALTH_TIMEOUT_MS = 480_000;

    private final Options options;
    private final String javaAgent;
    private final ChildProcess child;
    private volatile Path home;

    KeycloakServer(Options options, String javaAgent) {
        this.options = options;
        this.javaAgent = javaAgent;
        this.child = new ChildProcess("keycloak", options.data.resolve("logs").resolve("keycloak.log"));
    }

    @Override
    String name() {
        return "keycloak";
    }

    @Override
    String url() {
        return "http://localhost:" + options.keycloakPort;
    }

    @Override
    Long pid() {
        return child.pid();
    }

    @Override
    String failureLog() {
        return child.tail(40);
    }

    static Path findHome(Options options) {
        Path dir = options.root.resolve("deploy/local/target/keycloak");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh")))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    Path databaseDir() {
        return options.data.resolve("keycloak");
    }

    @Override
    synchronized void start() throws Exception {
        long t0 = System.currentTimeMillis();
        state = State.STARTING;
        try {
            Ports.requireFree("keycloak", options.keycloakPort);
            home = findHome(options);
            if (home == null) {
                throw new IllegalStateException("no Keycloak distribution under " + options.root.resolve("deploy/local/target/keycloak")
                        + ": build it with ./mvnw -pl deploy/local package (or run ./run-local.sh)");
            }
            int realms = copyRealms(home.resolve("data/import"));
            if (realms == 0) {
                System.out.println("  WARNING: no realm *.json in " + options.realmDir + " - nothing to import");
            }
            Files.createDirectories(databaseDir());
            Path kcSh = home.resolve("bin/kc.sh");
            kcSh.toFile().setExecutable(true);
            List<String> cmd = new ArrayList<>(List.of("/bin/bash", kcSh.toString(), "start-dev",
                    "--http-port=" + options.keycloakPort, "--import-realm"));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            env.put("JAVA_OPTS", String.join(" ", keycloakJvmOptions()));
            List<String> append = new ArrayList<>();
            // its H2 database (dev-file) in the data folder: jdbc:h2:file:${kc.db-url-path}/data/h2/keycloakdb
            append.add("-Dkc.db-url-path=" + databaseDir());
            if (javaAgent != null && !javaAgent.contains(" ")) {
                append.add(javaAgent);
            }
            env.put("JAVA_OPTS_APPEND", String.join(" ", append));
            child.start(cmd, env, home.toFile());
            awaitHealthy();
            state = State.HEALTHY;
            startMillis = System.currentTimeMillis() - t0;
        } catch (Exception e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * kc.sh's own defaults (26.x) with the serial collector and a small heap instead of G1 and up to 512 MB: a local
     * Keycloak serves a few logins, and G1 held 300 MB of heap for it (docs/toolchain.md).
     */
    static List<String> keycloakJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.err.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-XX:+ExitOnOutOfMemoryError", "-Djava.security.egd=file:/dev/urandom",
                "-XX:FlightRecorderOptions=stackdepth=512", "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
                "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m"));
        options.addAll(ChildProcess.trimNativeHeap());
        return options;
    }

    private int copyRealms(Path importDir) throws IOException {
        Files.createDirectories(importDir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        int count = 0;
        if (Files.isDirectory(options.realmDir)) {
            try (DirectoryStream<Path> realms = Files.newDirectoryStream(options.realmDir, "*.json")) {
                for (Path p : realms) {
                    Files.copy(p, importDir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    count++;
                }
            }
        }
        return count;
    }

    private void awaitHealthy() {
        String wellKnown = url() + "/realms/" + REALM + "/.well-known/openid-configuration";
        long deadline = System.currentTimeMillis() + HEALTH_TIMEOUT_MS;
        Http.Response last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the Keycloak process exited during start");
            }
            last = Http.get(wellKnown, Duration.ofSeconds(5));
            if (last.status() == 200) {
                return;
            }
            ChildProcess.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer 200 on " + wellKnown + " within "
                + HEALTH_TIMEOUT_MS / 1000 + " s (last: " + (last == null ? "-" : last.status()) + ")");
    }

    @Override
    void stop() {
        if (child.process() != null) {
            child.stop(30);
        }
        state = State.STOPPED;
    }
}
