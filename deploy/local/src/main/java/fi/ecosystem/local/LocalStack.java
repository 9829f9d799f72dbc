package fi.ecosystem.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local stack: Kafka, the MongoDB wire-protocol store, Keycloak, SMTP and the services, each
 * health-checked before the next; Ctrl-C stops everything in reverse order.
 */
public final class LocalStack {

    private final Options options;
    private final List<Component> infrastructure = new ArrayList<>();
    private final List<Services.Service> services = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long t0 = System.currentTimeMillis();
    private final Instant startedAt = Instant.now();
    private volatile long healthyAfterMillis = -1;
    private KafkaBroker kafka;
    private MongoStore mongo;
    private KeycloakServer keycloak;
    private MailServer mail;
    private MailErasure mailErasure;
    private ZipkinServer zipkin;
    private StackConsole console;

    private LocalStack(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.println(Options.HELP);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.HELP);
            return;
        }
        if (options.wipe || options.wipeOnly) {
            wipe(options);
            if (options.wipeOnly) {
                return;
            }
        }
        Path logs = options.data.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            System.err.println("local-stack: cannot create " + logs + ": " + e);
            System.exit(1);
        }
        // before anything touches a logger: the launcher logs INFO to a file, WARN to the console
        System.setProperty("log4j2.configurationFile", "classpath:local-stack-log4j2.xml");
        System.setProperty("stack.log.file", logs.resolve("local-stack.log").toString());
        new LocalStack(options).run();
    }

    private void run() {
        System.out.println("Local stack - root " + options.root + ", data " + options.data
                + (options.components.isEmpty() ? "" : ", starting: " + String.join(",", options.components)));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));

        String agent = null;
        try {
            agent = ParentWatchJar.jvmOption(ParentWatchJar.write(options.data.resolve("run")));
        } catch (IOException e) {
            System.out.println("  (no parent-watch agent: " + e + ")");
        }
        kafka = new KafkaBroker(options, agent);
        mongo = new MongoStore(options, System.getenv("MONGODB_URI"));
        keycloak = new KeycloakServer(options, agent);
        mail = new MailServer(options);
        zipkin = new ZipkinServer(options, agent);
        for (Component c : List.of(kafka, mongo, keycloak, mail, zipkin)) {
            if (options.starts(c.name())) {
                infrastructure.add(c);
            }
        }
        for (String name : options.services()) {
            services.add(new Services.Service(name, options, Services.environment(name, options, mongo), agent));
        }

        console = new StackConsole(options.consolePort, this::status, mail, options.starts("kafka") ? kafka : null,
                options.testControls, this::kill);
        try {
            console.start();
        } catch (Exception e) {
            fail("stack console", e, null);
        }

        for (Component c : infrastructure) {
            if (stopping.get()) {
                return;
            }
            if (c == zipkin) {
                // needed by no other part: it starts while the services do (not beside Keycloak, whose start is the slowest)
                try {
                    zipkin.launch();
                } catch (Exception e) {
                    fail(c.name(), e, c);
                }
                continue;
            }
            System.out.printf("  %-17s starting ...%n", c.name());
            try {
                c.start();
            } catch (Exception e) {
                fail(c.name(), e, c);
            }
            System.out.printf("  %-17s %-8s %6.1f s   %s%n", c.name(),
                    c.state() == Component.State.EXTERNAL ? "external" : "healthy", c.startMillis / 1000.0, c.url());
        }
        if (infrastructure.contains(mail) && infrastructure.contains(kafka) && !stopping.get()) {
            mailErasure = new MailErasure(mail, "localhost:" + options.kafkaPort,
                    options.env.getOrDefault("PERSONAL_DATA_HASH_KEY", Services.LOCAL_PERSONAL_DATA_HASH_KEY));
            mailErasure.start();
        }
        startServices();
        if (infrastructure.contains(zipkin) && !stopping.get()) {
            try {
                zipkin.start();
            } catch (Exception e) {
                fail(zipkin.name(), e, zipkin);
            }
            System.out.printf("  %-17s healthy  %6.1f s   %s%n", zipkin.name(), zipkin.startMillis / 1000.0, zipkin.url());
        }
        if (stopping.get()) {
            return;
        }
        healthyAfterMillis = System.currentTimeMillis() - t0;
        printSummary();
        watchServices();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startServices() {
        if (services.isEmpty()) {
            return;
        }
        System.out.println("  services          starting " + String.join(", ", services.stream().map(Component::name).toList()) + " ...");
        for (Services.Service s : services) {
            try {
                s.launch();
            } catch (Exception e) {
                fail(s.name(), e, s);
            }
        }
        List<Thread> waiters = new ArrayList<>();
        Map<Services.Service, Exception> failures = new LinkedHashMap<>();
        for (Services.Service s : services) {
            Thread t = new Thread(() -> {
                try {
                    s.awaitHealthy();
                    System.out.printf("  %-17s healthy  %6.1f s   %s%n", s.name(), s.startMillis / 1000.0, s.url());
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.put(s, e);
                    }
                }
            }, "await-" + s.name());
            t.start();
            waiters.add(t);
        }
        for (Thread t : waiters) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!failures.isEmpty() && !stopping.get()) {
            Map.Entry<Services.Service, Exception> first = failures.entrySet().iterator().next();
            for (Map.Entry<Services.Service, Exception> f : failures.entrySet()) {
                if (f != first) {
                    System.out.println("  FAILED: " + f.getKey().name() + ": " + f.getValue().getMessage()
                            + " (log: " + options.data.resolve("logs").resolve(f.getKey().name() + ".log") + ")");
                }
            }
            fail(first.getKey().name(), first.getValue(), first.getKey());
        }
    }

    /** Looks at the services every second and starts again any that exited without being stopped. */
    private void watchServices() {
        if (services.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (!stopping.get()) {
                for (Services.Service s : services) {
                    if (!stopping.get() && s.crashed()) {
                        heal(s);
                    } else if (!stopping.get()) {
                        s.recheck();
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "service-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private void heal(Services.Service s) {
        long delay = s.exited();
        System.out.printf("  %-17s EXITED (code %s) at %s; restarting in %.0f s (restart %d)%n", s.name(),
                s.lastExitCode(), Instant.now(), delay / 1000.0, s.restarts() + 1);
        System.out.flush();
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(delay);
                if (stopping.get()) {
                    return;
                }
                s.restart();
                System.out.printf("  %-17s restarted, healthy %6.1f s   %s (restarts: %d)%n", s.name(), s.startMillis / 1000.0,
                        s.url(), s.restarts());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.out.println("  " + s.name() + ": restart failed: " + e.getMessage() + " (log: "
                        + options.data.resolve("logs").resolve(s.name() + ".log") + ")");
            }
            System.out.flush();
        }, "restart-" + s.name());
        restart.setDaemon(true);
        restart.start();
    }

    /** Test control: kill -9 a service; null when there is no such service. */
    private Map<String, Object> kill(String name) {
        for (Services.Service s : services) {
            if (s.name().equals(name)) {
                Long pid = s.pid();
                System.out.println("  " + name + " killed (test control, pid " + pid + ")");
                s.kill();
                Map<String, Object> m = new LinkedHashMap<>(s.status());
                m.put("killedPid", pid);
                return m;
            }
        }
        return null;
    }

    private void fail(String what, Exception e, Component c) {
        if (stopping.get()) {
            return;
        }
        System.out.println();
        System.out.println("FAILED to start " + what + ": " + e.getMessage());
        if (c != null && c.failureLog() != null) {
            System.out.println("---- last lines of its log ----");
            System.out.println(c.failureLog());
            System.out.println("-------------------------------");
        }
        System.out.println("Stopping everything.");
        System.exit(1);
    }

    private void printSummary() {
        String line = "=".repeat(78);
        StringBuilder b = new StringBuilder();
        b.append(System.lineSeparator()).append(line).append(System.lineSeparator());
        b.append(" Local stack is up").append(System.lineSeparator()).append(line).append(System.lineSeparator());
        if (services.stream().anyMatch(s -> s.name().equals("gateway"))) {
            row(b, "Gateway (API, web UI)", "http://localhost:8080");
        }
        if (services.stream().anyMatch(s -> s.name().equals("web"))) {
            row(b, "Web UI (via gateway)", "http://localhost:8080/");
        }
        if (infrastructure.contains(keycloak)) {
            row(b, "Keycloak admin console", keycloak.url() + "/admin   (admin / admin)");
            row(b, "Keycloak realm", keycloak.url() + "/realms/" + KeycloakServer.REALM);
        }
        if (infrastructure.contains(mail)) {
            row(b, "Mail viewer", console.url() + "/mail   (SMTP " + "localhost:" + options.smtpPort + ")");
        }
        row(b, "Stack status", console.url() + "/stack");
        if (infrastructure.contains(zipkin)) {
            row(b, "Traces (Zipkin)", zipkin.url() + "/zipkin/");
        }
        if (infrastructure.contains(kafka)) {
            row(b, "Kafka", kafka.url());
        }
        if (infrastructure.contains(mongo) || mongo.isExternal()) {
            row(b, "MongoDB", mongo.url());
        }
        for (Services.Service s : services) {
            row(b, "  " + s.name(), s.url());
        }
        row(b, "Logs", options.data.resolve("logs").toString());
        if (infrastructure.contains(keycloak)) {
            List<DemoLogins.Login> logins = DemoLogins.read(options.realmDir);
            if (!logins.isEmpty()) {
                List<DemoLogins.Login> shown = DemoLogins.sample(logins, 12);
                int cityWidth = Math.min(40, Math.max(8, shown.stream().mapToInt(l -> l.city().length()).max().orElse(8)));
                String format = " %-20s %-9s %-" + cityWidth + "s %s%n";
                b.append(line).append(System.lineSeparator());
                b.append(String.format(format, "Demo login", "password", "city", "roles"));
                for (DemoLogins.Login l : shown) {
                    b.append(String.format(format, l.username(), l.password(), l.city(), l.roles()));
                }
                if (shown.size() < logins.size()) {
                    b.append(String.format(" ... %d demo users in all: see %s%n", logins.size(),
                            Files.isRegularFile(options.realmDir.resolve("README.md")) ? options.realmDir.resolve("README.md") : options.realmDir));
                }
            }
        }
        b.append(line).append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, " All healthy after %.1f s; resident memory (launcher + children): %d MB%n",
                healthyAfterMillis / 1000.0, Memory.treeRssKb() / 1024));
        b.append(" Ctrl-C stops everything.").append(System.lineSeparator());
        b.append(line).append(System.lineSeparator());
        System.out.print(b);
        System.out.flush();
    }

    private static void row(StringBuilder b, String what, String where) {
        b.append(String.format(" %-24s %s%n", what, where));
    }

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", startedAt.toString());
        List<Component> all = new ArrayList<>(infrastructure);
        all.addAll(services);
        boolean healthy = !stopping.get() && all.stream().allMatch(c ->
                c.state() == Component.State.HEALTHY || c.state() == Component.State.EXTERNAL);
        m.put("healthy", healthy);
        m.put("healthyAfterMillis", healthyAfterMillis < 0 ? null : healthyAfterMillis);
        m.put("launcherPid", ProcessHandle.current().pid());
        m.put("rssMb", Memory.treeRssKb() / 1024);
        m.put("dataDir", options.data.toString());
        m.put("testControls", options.testControls);
        List<Map<String, Object>> components = new ArrayList<>();
        for (Component c : all) {
            components.add(c.status());
        }
        m.put("components", components);
        return m;
    }

    /** Reverse order: services, Zipkin, Keycloak, SMTP, Mongo, Kafka; then whatever child is left. */
    private void stopAll() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        long start = System.currentTimeMillis();
        System.out.println();
        System.out.println("Stopping the local stack ...");
        List<Thread> stoppers = new ArrayList<>();
        for (Services.Service s : services) {
            Thread t = new Thread(() -> stopQuietly(s), "stop-" + s.name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mailErasure != null) {
            mailErasure.close();
        }
        for (Component c : List.of(zipkin, keycloak, mail, mongo, kafka)) {
            if (c != null && infrastructure.contains(c)) {
                stopQuietly(c);
            }
        }
        if (console != null) {
            console.stop();
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + 5000;
        ProcessHandle.current().descendants().forEach(p -> {
            while (p.isAlive() && System.currentTimeMillis() < deadline) {
                ChildProcess.sleep(100);
            }
            p.destroyForcibly();
        });
        System.out.printf("Stopped in %.1f s.%n", (System.currentTimeMillis() - start) / 1000.0);
        System.out.flush();
        stopped.countDown();
    }

    private static void stopQuietly(Component c) {
        if (c.pid() == null) {
            c.stop();
            return;
        }
        long t = System.currentTimeMillis();
        try {
            c.stop();
            System.out.printf("  %-17s stopped  %6.1f s%n", c.name(), (System.currentTimeMillis() - t) / 1000.0);
        } catch (RuntimeException e) {
            System.out.println("  " + c.name() + ": stop failed: " + e);
        }
    }

    /** Deletes the data folder (the Keycloak database lives in it) and a Keycloak database left in its distribution. */
    static void wipe(Options options) {
        System.out.println("Wiping " + options.data);
        deleteTree(options.data);
        Path home = KeycloakServer.findHome(options);
        if (home != null) {
            deleteTree(home.resolve("data/h2"));
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir + ": " + e, e);
        }
    }
}
