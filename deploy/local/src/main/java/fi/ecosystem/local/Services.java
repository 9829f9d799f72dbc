package fi.ecosystem.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The platform's own services, each a child JVM from {@code deploy/local/target/stack/<name>.jar}. */
final class Services {

    static final List<String> NAMES = List.of("gateway", "projects-service", "contacts-service", "events-service", "web");

    /**
     * The services that run with the C1 compiler alone, chosen from side-by-side runs of bench/all.sh (docs/speed.md,
     * ninth stop). On two cores C2's compiling of a registration burst's many code paths (requests, consumers, the
     * outbox, the mail) took the CPU the burst needed for minutes, the second burst included: events-service and
     * contacts-service spent about half of their CPU per registration on it, and with the gateway on C2 the first
     * burst's slowest answers took 33–60 s instead of 14–22 s (tried again in the eleventh stop, with the traces
     * capped: 45 of 5,000 registrations unanswered after 60 s). projects-service keeps the full JIT: its reads (one
     * project straight from it, the benchmark's GET) are one narrow path that C2 makes cheaper once compiled. The price:
     * a gateway on C1 passes fewer requests per second once warm (its ratio to the direct GET ×0.23 against ×0.43–0.51).
     */
    static final Set<String> C1_ONLY = Set.of("gateway", "events-service", "contacts-service", "web");

    /**
     * A service's JVM options, chosen from measurements (docs/toolchain.md, docs/speed.md): a small serial-collected
     * heap, so the whole stack stays within 3 GiB, and the JIT as {@link #C1_ONLY} says. SERVICE_JVM_OPTIONS replaces
     * them; SERVICE_JVM_EXTRA_OPTIONS is added after them (the full-stack tests add C1-only this way).
     */
    static List<String> jvmOptions(String service) {
        return jvmOptions(service, System.getenv("SERVICE_JVM_OPTIONS"), System.getenv("SERVICE_JVM_EXTRA_OPTIONS"));
    }

    static List<String> jvmOptions(String service, String replacing, String extra) {
        List<String> options = new ArrayList<>();
        if (replacing == null || replacing.isBlank()) {
            options.addAll(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m"));
            options.addAll(ChildProcess.trimNativeHeap());
            if (C1_ONLY.contains(service)) {
                options.add("-XX:TieredStopAtLevel=1");
            }
        } else {
            options.addAll(List.of(replacing.trim().split("\\s+")));
        }
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    static final Map<String, Integer> PORTS = Map.of(
            "gateway", 8080,
            "projects-service", 8081,
            "contacts-service", 8082,
            "events-service", 8083,
            "web", 8084);

    static final Map<String, String> DATABASES = Map.of(
            "gateway", "gateway",
            "projects-service", "projects",
            "contacts-service", "contacts",
            "events-service", "events",
            "web", "web");

    static final String LOCAL_PERSONAL_DATA_KEK = "bG9jYWwtb25seS1wZXJzb25hbC1kYXRhLWtlay0zMmI=";
    static final String LOCAL_PERSONAL_DATA_HASH_KEY = "bG9jYWwtb25seS1lLW1haWwtaGFzaC1rZXktMzJieXQ=";

    private Services() {
    }

    static Path jar(Options options, String name) {
        return options.root.resolve("deploy/local/target/stack").resolve(name + ".jar");
    }

    /** One service child process. */
    static final class Service extends Component {

        private static final long HEALTH_TIMEOUT_MS = 300_000;

        private final String name;
        private final int port;
        private final Options options;
        private final Map<String, String> env;
        private final String javaAgent;
        private final ChildProcess child;
        private volatile long launchedAt;
        /** Launched and not stopped on purpose: if its process is gone, it crashed. */
        private volatile boolean wanted;
        private volatile boolean restartPending;
        private volatile int restarts;
        private volatile int restartStreak;
        private volatile long healthySince;
        private volatile Integer lastExitCode;
        private volatile java.time.Instant lastExitAt;

        Service(String name, Options options, Map<String, String> env, String javaAgent) {
            this.name = name;
            this.port = PORTS.get(name);
            this.options = options;
            this.env = env;
            this.javaAgent = javaAgent;
            this.child = new ChildProcess(name, options.data.resolve("logs").resolve(name + ".log"));
        }

        @Override
        String name() {
            return name;
        }

        @Override
        String url() {
            return "http://localhost:" + port;
        }

        @Override
        Long pid() {
            return child.pid();
        }

        @Override
        String failureLog() {
            return child.tail(40);
        }

        Map<String, String> environment() {
            return env;
        }

        /** Starts the process without waiting. */
        void launch() throws Exception {
            wanted = true;
            state = restartPending ? State.RESTARTING : State.STARTING;
            launchedAt = System.currentTimeMillis();
            try {
                Ports.requireFree(name, port);
                Path jar = jar(options, name);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("missing " + jar + " (build with ./mvnw -DskipTests install, or --skip=" + name + ")");
                }
                List<String> cmd = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
                cmd.addAll(jvmOptions(name));
                if (javaAgent != null) {
                    cmd.add(javaAgent);
                }
                cmd.addAll(List.of("-jar", jar.toString()));
                child.start(cmd, env, options.root.toFile());
            } catch (Exception e) {
                state = State.FAILED;
                throw e;
            }
        }

        /** Waits for /actuator/health to answer 200 with status UP. */
        void awaitHealthy() {
            String health = url() + "/actuator/health";
            long deadline = System.currentTimeMillis() + HEALTH_TIMEOUT_MS;
            Http.Response last = null;
            try {
                while (System.currentTimeMillis() < deadline) {
                    Process process = child.process();
                    if (process == null || !process.isAlive()) {
                        throw new IllegalStateException(name + " exited during start"
                                + (process != null ? " (exit code " + process.exitValue() + ")" : ""));
                    }
                    last = Http.get(health, Duration.ofSeconds(5));
                    if (last.status() == 200 && last.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                        state = State.HEALTHY;
                        startMillis = System.currentTimeMillis() - launchedAt;
                        healthySince = System.currentTimeMillis();
                        return;
                    }
                    ChildProcess.sleep(500);
                }
                throw new IllegalStateException(name + " did not answer UP on " + health + " within "
                        + HEALTH_TIMEOUT_MS / 1000 + " s (last: " + (last == null ? "-" : last.status() + " " + abbreviate(last.body())) + ")");
            } catch (RuntimeException e) {
                state = State.FAILED;
                throw e;
            }
        }

        @Override
        void start() throws Exception {
            launch();
            awaitHealthy();
        }

        /** Its process has exited although nobody stopped it, and no restart is under way yet. */
        boolean crashed() {
            Process process = child.process();
            return wanted && !restartPending && process != null && !process.isAlive();
        }

        /**
         * Notes the exit and returns how long to wait before starting it again: 1 s, doubling while it keeps
         * failing within a minute of being healthy (or never becoming so), at most 30 s.
         */
        long exited() {
            Process process = child.process();
            lastExitCode = process == null ? null : process.exitValue();
            lastExitAt = java.time.Instant.now();
            restartPending = true;
            state = State.RESTARTING;
            restartStreak = System.currentTimeMillis() - healthySince > 60_000 ? 0 : Math.min(restartStreak + 1, 5);
            return Math.min(30_000L, 1_000L << restartStreak);
        }

        /** Starts it again and waits for its health; a failure is left to the next look of the watch. */
        void restart() throws Exception {
            restarts++;
            try {
                launch();
                awaitHealthy();
            } finally {
                restartPending = false;
            }
        }

        /** A restart that outlasted the health timeout on a busy machine may still come up: notice when it does. */
        void recheck() {
            if (state == State.FAILED && child.isAlive()) {
                Http.Response health = Http.get(url() + "/actuator/health", Duration.ofSeconds(2));
                if (health.status() == 200 && health.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    state = State.HEALTHY;
                    healthySince = System.currentTimeMillis();
                    System.out.println("  " + name + " is healthy after all");
                }
            }
        }

        Integer lastExitCode() {
            return lastExitCode;
        }

        int restarts() {
            return restarts;
        }

        /** kill -9, for the full-stack tests (--test-controls): a crash, which the stack then heals. */
        void kill() {
            Process process = child.process();
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }

        @Override
        Map<String, Object> status() {
            Map<String, Object> m = super.status();
            m.put("restarts", restarts);
            if (lastExitAt != null) {
                m.put("lastExit", Map.of("code", lastExitCode == null ? -1 : lastExitCode, "at", lastExitAt.toString()));
            }
            return m;
        }

        @Override
        void stop() {
            wanted = false;
            if (child.process() != null) {
                child.stop(20);
            }
            state = State.STOPPED;
        }

        private static String abbreviate(String s) {
            return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
    }

    /** The environment every service gets; --env options win. */
    static Map<String, String> environment(String name, Options options, MongoStore mongo) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(PORTS.get(name)));
        env.put("MONGODB_URI", MongoStore.withDatabase(mongo.baseUri(), DATABASES.get(name)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + options.kafkaPort);
        env.put("KEYCLOAK_URL", "http://localhost:" + options.keycloakPort);
        env.put("KEYCLOAK_REALM", KeycloakServer.REALM);
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", String.valueOf(options.smtpPort));
        env.put("GATEWAY_URL", "http://localhost:" + PORTS.get("gateway"));
        env.put("PROJECTS_SERVICE_URL", "http://localhost:" + PORTS.get("projects-service"));
        env.put("CONTACTS_SERVICE_URL", "http://localhost:" + PORTS.get("contacts-service"));
        env.put("EVENTS_SERVICE_URL", "http://localhost:" + PORTS.get("events-service"));
        env.put("WEB_URL", "http://localhost:" + PORTS.get("web"));
        // platform secrets of personal data, one value for every service: the key-encryption key of the data
        // subjects' keys and the key of e-mail hashes. LOCAL ONLY (they decode to "local-only-…", as the
        // platform's defaults do); production takes them from a secret (deploy/compose, deploy/k8s)
        env.put("PERSONAL_DATA_KEK", LOCAL_PERSONAL_DATA_KEK);
        env.put("PERSONAL_DATA_HASH_KEY", LOCAL_PERSONAL_DATA_HASH_KEY);
        // every request traced, up to 20 new traces a second in each service (the platform's default,
        // TRACING_MAX_TRACES_PER_SECOND), spans to the stack's Zipkin (or nowhere when it is not started)
        env.put("ZIPKIN_ENDPOINT", "http://localhost:" + options.zipkinPort + "/api/v2/spans");
        env.put("TRACING_EXPORT_ENABLED", String.valueOf(options.starts("zipkin")));
        env.put("TRACING_SAMPLING_PROBABILITY", "1.0");
        // the local stack is for trying the platform out: load the seeds' demo data (idempotent)
        env.put("ECOSYSTEM_DEMO_DATA", "true");
        // integrators' webhooks may call receivers on this machine over plain http (production: https, public addresses)
        env.put("WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        // events-service surveys an ended event's attendees within seconds, not the production's minutes
        env.put("ECOSYSTEM_EVENTS_FEEDBACK_EVERY", "PT5S");
        env.put("ECOSYSTEM_EVENTS_FEEDBACK_FIRST", "PT5S");
        // and expires a waiting-list offer whose deadline passed within seconds (production: within a minute)
        env.put("OFFER_DEADLINES_EVERY", "PT5S");
        env.putAll(options.env);
        return env;
    }
}
