package fi.ecosystem.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;

/** A real single-node KRaft Kafka broker as a child JVM, from the launcher's own classpath. */
final class KafkaBroker extends Component {

    private static final long HEALTH_TIMEOUT_MS = 240_000;

    private final Options options;
    private final Path dir;
    private final Path logsDir;
    private final String javaAgent;
    private final ChildProcess child;

    KafkaBroker(Options options, String javaAgent) {
        this.options = options;
        this.dir = options.data.resolve("kafka");
        this.logsDir = options.data.resolve("logs");
        this.javaAgent = javaAgent;
        this.child = new ChildProcess("kafka", logsDir.resolve("kafka.log"));
    }

    @Override
    String name() {
        return "kafka";
    }

    @Override
    String url() {
        return "localhost:" + options.kafkaPort;
    }

    @Override
    Long pid() {
        return child.pid();
    }

    @Override
    String failureLog() {
        return child.tail(40);
    }

    @Override
    synchronized void start() throws Exception {
        state = State.STARTING;
        long t0 = System.currentTimeMillis();
        try {
            Ports.requireFree("kafka", options.kafkaPort);
            Ports.requireFree("kafka controller", options.kafkaControllerPort);
            Files.createDirectories(dir);
            Path props = writeServerProperties();
            formatIfNeeded(props);
            List<String> cmd = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                    "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
            cmd.addAll(ChildProcess.trimNativeHeap());
            cmd.addAll(loggingOptions());
            if (javaAgent != null) {
                cmd.add(javaAgent);
            }
            cmd.addAll(List.of("-cp", ChildProcess.absoluteClassPath(), "kafka.Kafka", props.toString()));
            child.start(cmd, Map.of(), dir.toFile(), true);
            awaitHealthy();
            state = State.HEALTHY;
            startMillis = System.currentTimeMillis() - t0;
        } catch (Exception e) {
            state = State.FAILED;
            throw e;
        }
    }

    private List<String> loggingOptions() {
        return List.of("-Dlog4j2.configurationFile=classpath:local-stack-log4j2.xml",
                "-Dstack.log.file=" + logsDir.resolve("kafka.log"),
                "-Dstack.console.prefix=[kafka] ",
                "-Dkafka.logs.dir=" + logsDir);
    }

    private Path writeServerProperties() throws IOException {
        int port = options.kafkaPort;
        int controllerPort = options.kafkaControllerPort;
        String content = """
                # written by the local stack launcher at every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=10
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                log.segment.bytes=67108864
                num.network.threads=2
                num.io.threads=2
                num.recovery.threads.per.data.dir=1
                # the log cleaner's table of keys, allocated on the heap at start (128 MB by default, the most of this
                # broker's heap); the compacted topics of a local stack are a few megabytes
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(port, controllerPort, dir.resolve("log").toString().replace("\\", "/"));
        Path props = dir.resolve("server.properties");
        Files.writeString(props, content, StandardCharsets.UTF_8);
        return props;
    }

    /** Formats the log dir once; the cluster id is kept in the data folder. */
    private void formatIfNeeded(Path props) throws Exception {
        if (Files.exists(dir.resolve("log").resolve("meta.properties"))) {
            return;
        }
        Path idFile = dir.resolve("cluster.id");
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile).trim();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId + System.lineSeparator());
        }
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        cmd.addAll(loggingOptions());
        cmd.addAll(List.of("-cp", ChildProcess.absoluteClassPath(), "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", props.toString(), "--ignore-formatted"));
        ChildProcess format = new ChildProcess("kafka-format", logsDir.resolve("kafka-format.log"));
        format.start(cmd, Map.of(), dir.toFile());
        Process p = format.process();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            format.stop(1);
            throw new IllegalStateException("formatting Kafka storage took too long; see " + format.logFile());
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + p.exitValue() + "):"
                    + System.lineSeparator() + format.tail(40));
        }
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.currentTimeMillis() + HEALTH_TIMEOUT_MS;
        while (!canConnect()) {
            checkAlive();
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + options.kafkaPort + " within "
                        + HEALTH_TIMEOUT_MS / 1000 + " s");
            }
            ChildProcess.sleep(200);
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + options.kafkaPort);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-health");
        try (Admin admin = Admin.create(config)) {
            Exception last = null;
            while (System.currentTimeMillis() < deadline) {
                checkAlive();
                try {
                    DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
                    if (!cluster.nodes().get(5, TimeUnit.SECONDS).isEmpty()
                            && cluster.controller().get(5, TimeUnit.SECONDS) != null) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                ChildProcess.sleep(300);
            }
            throw new IllegalStateException("Kafka did not answer describeCluster within " + HEALTH_TIMEOUT_MS / 1000
                    + " s: " + last);
        }
    }

    private void checkAlive() {
        if (!child.isAlive()) {
            throw new IllegalStateException("the Kafka process exited during start");
        }
    }

    private boolean canConnect() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", options.kafkaPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    void stop() {
        if (child.process() != null) {
            child.stop(30);
        }
        state = State.STOPPED;
    }
}
