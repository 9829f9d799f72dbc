package fi.ecosystem.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole local stack once per test run, exactly as a developer does (the launcher with the real
 * Kafka broker, the file-backed MongoDB wire-protocol store, the real Keycloak, GreenMail and every
 * service), on a fresh data folder, and stops it when the test JVM ends.
 */
public final class Stack implements BeforeAllCallback {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:8180";
    public static final String CONSOLE = "http://localhost:8025";
    public static final String KAFKA = "localhost:9092";
    public static final String MONGODB = "mongodb://localhost:27017";
    public static final Map<String, String> SERVICES = Map.of(
            "projects-service", "http://localhost:8081",
            "contacts-service", "http://localhost:8082",
            "events-service", "http://localhost:8083",
            "web", "http://localhost:8084");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(15);
    private static Process launcher;
    private static Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startOnce();
    }

    private static synchronized void startOnce() throws Exception {
        if (Boolean.getBoolean("e2e.useRunningStack")) {
            // a stack started by hand (under the same lock): for working on one test without restarting everything
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(GATEWAY + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200) {
                throw new IllegalStateException("-De2e.useRunningStack: the gateway is not healthy: " + health.statusCode());
            }
            return;
        }
        if (launcher != null) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The local stack has died; see " + log);
            }
            return;
        }
        Path root = Path.of(System.getProperty("ecosystem.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("deploy/local/target/local-stack.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: " + jar + " is missing");
        }
        Path target = root.resolve("e2e-tests/target");
        Files.createDirectories(target);
        log = target.resolve("local-stack.log");
        List<String> command = new ArrayList<>(List.of(
                // the launcher's JVM as ./run-local.sh starts it
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseSerialGC",
                "-jar", jar.toString(),
                "--root=" + root, "--data=" + target.resolve("stack-data"), "--wipe", "--test-controls",
                // as behind one proxy (as in Kubernetes): a test that needs a client address of its own sends
                // X-Forwarded-For, so one test's spent rate limit never holds another back
                "--env=TRUSTED_PROXIES=1"));
        ProcessBuilder start = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the services with the C1 JIT only: the tests' few thousand requests never repay the full JIT's compiling,
        // and the stack is up in half the time on two cores (docs/toolchain.md); benchmarks keep the measured defaults
        start.environment().put("SERVICE_JVM_EXTRA_OPTIONS", "-XX:TieredStopAtLevel=1");
        launcher = start.start();
        Runtime.getRuntime().addShutdownHook(new Thread(Stack::stop));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!healthy()) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The local stack did not start:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The local stack was not healthy within " + START_TIMEOUT + ":\n" + tail());
            }
            Thread.sleep(1000);
        }
        awaitSignIn();
    }

    /**
     * The launcher calls Keycloak healthy when the realm's OIDC discovery answers, and the gateway healthy when it is
     * UP; neither proves that a person can sign in yet. So the stack is ready when what a sign-in needs works end to
     * end: the realm's discovery at the address the gateway calls names the issuer the gateway expects, the realm
     * issues a token, and a demo user's authorization-code sign-in through the gateway comes back signed in (the
     * gateway's token, key and user-info calls to Keycloak, and its session store).
     */
    private static void awaitSignIn() {
        String realm = KEYCLOAK + "/realms/ecosystem";
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(realm + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (discovery.statusCode() != 200 || !Keycloak.json(discovery.body()).get("issuer").asString().equals(realm)) {
                throw new IllegalStateException("discovery: " + discovery.statusCode() + " " + discovery.body());
            }
            Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
            HttpResponse<String> home = new Browser().signIn("helsinki", "aino.virtanen", "demo");
            if (home.statusCode() != 200 || home.uri().toString().contains("error")) {
                throw new IllegalStateException("sign-in through the gateway landed on " + home.uri() + " (" + home.statusCode() + ")");
            }
        });
    }

    /** Healthy when the launcher has printed its summary (every component passed its own health check). */
    private static boolean healthy() throws IOException {
        return Files.exists(log) && Files.readString(log).contains("All healthy after");
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void stop() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            try {
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops or starts the Kafka broker through the launcher's test controls. */
    public static void kafka(String action) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(CONSOLE + "/stack/kafka/" + action))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("kafka " + action + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
