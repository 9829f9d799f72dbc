package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's Kafka broker (a real KRaft broker in a child JVM) takes and delivers a record. */
class KafkaBrokerTest {

    @TempDir
    Path tmp;

    @Test
    void producesAndConsumesAndStopsItsChild() throws Exception {
        int kafkaPort = LauncherProcess.freePort();
        String bootstrap = "localhost:" + kafkaPort;
        int consolePort = LauncherProcess.freePort();
        try (LauncherProcess launcher = LauncherProcess.start(tmp, "--only=kafka", "--data=" + tmp.resolve("data"),
                "--kafka-port=" + kafkaPort, "--kafka-controller-port=" + LauncherProcess.freePort(),
                "--console-port=" + consolePort, "--test-controls").awaitHealthy(Duration.ofSeconds(60))) {

            // the test controls stop and start the broker (used to prove the outbox survives a Kafka outage)
            assertTrue(post(consolePort, "/stack/kafka/stop").contains("\"state\" : \"stopped\""));
            assertFalse(Ports.canConnect(kafkaPort, 500), "Kafka still listening after /stack/kafka/stop");
            assertTrue(post(consolePort, "/stack/kafka/start").contains("\"state\" : \"healthy\""));

            List<ProcessHandle> children = launcher.process().descendants().toList();
            assertFalse(children.isEmpty(), "the broker runs as a child process");

            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                producer.send(new ProducerRecord<>("registrations", "reg-1", "{\"type\":\"RegistrationConfirmed\"}"))
                        .get(30, TimeUnit.SECONDS);
            }

            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            ConsumerRecord<String, String> received = null;
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of("registrations"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        received = r;
                    }
                }
            }
            assertTrue(received != null, "no record received");
            assertEquals("reg-1", received.key());
            assertEquals("{\"type\":\"RegistrationConfirmed\"}", received.value());

            launcher.stop();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "child " + child.pid() + " outlived the launcher");
            }
            assertTrue(launcher.output().contains("kafka             stopped"), launcher.output());
        }
    }

    private static String post(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
