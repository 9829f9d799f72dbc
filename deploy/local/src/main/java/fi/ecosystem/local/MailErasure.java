package fi.ecosystem.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stack's mail relay forgets an erased person: it follows {@code contact.erased} on the {@code contacts} topic
 * and deletes every message it holds for their addresses (named there only by keyed hashes, which it computes with
 * the platform's hash key for each address it holds). What the platform sent is otherwise kept only here: the
 * services keep no copy of a mail. See docs/architecture.md ("Sent mail and erasure").
 */
final class MailErasure implements AutoCloseable {

    static final String TOPIC = "contacts";
    static final String TYPE = "contact.erased";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MailServer mail;
    private final Supplier<Consumer<String, String>> consumers;
    private final byte[] hashKey;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Consumer<String, String> consumer;
    private Thread thread;

    MailErasure(MailServer mail, String bootstrap, String hashKeyBase64) {
        this(mail, () -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // a group of its own, committed after each poll's records are handled: a restart of the stack on the
                // same data resumes there (a record handled again after a crash erases nothing more)
                ConsumerConfig.GROUP_ID_CONFIG, "local-mail-relay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // fetches of up to 16 KB or half a second: a burst's changes are read and committed in batches
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16 * 1024,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)), hashKeyBase64);
    }

    /** With the consumer it follows the topic with (a test's stand-in for the broker). */
    MailErasure(MailServer mail, Supplier<Consumer<String, String>> consumers, String hashKeyBase64) {
        this.mail = mail;
        this.consumers = consumers;
        this.hashKey = Base64.getDecoder().decode(hashKeyBase64.trim());
    }

    /** The keyed hash of an address, as the platform computes it (contracts' EmailHash: HMAC-SHA256 of it trimmed, lower-cased). */
    String hash(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The hashes a record names when it is a {@code contact.erased} event, else none. */
    static Set<String> erasedHashes(String value) {
        Set<String> hashes = new LinkedHashSet<>();
        // most records of the topic are other changes of people (one per registrant in a burst): only a record that
        // names the type anywhere is parsed, and its parsed type decides
        if (value == null || !value.contains(TYPE)) {
            return hashes;
        }
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (Exception e) {
            return hashes; // not an event of ours (a poison message): nothing to erase
        }
        if (event == null || !TYPE.equals(event.path("type").asText())) {
            return hashes;
        }
        JsonNode data = event.path("data");
        if (data.path("emailHash").isTextual()) {
            hashes.add(data.get("emailHash").asText());
        }
        data.path("otherEmailHashes").forEach(hash -> {
            if (hash.isTextual()) {
                hashes.add(hash.asText());
            }
        });
        return hashes;
    }

    /** Erases what the record asks for; returns how many stored messages went. */
    int handle(String value) throws Exception {
        Set<String> hashes = erasedHashes(value);
        return hashes.isEmpty() ? 0 : mail.erase(hashes, this::hash);
    }

    void start() {
        thread = new Thread(this::run, "mail-erasure");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        consumer = consumers.get();
        try (Consumer<String, String> c = consumer) {
            c.subscribe(List.of(TOPIC));
            while (running.get()) {
                try {
                    followOnce(c);
                } catch (WakeupException closing) {
                    throw closing;
                } catch (KafkaException e) {
                    // the broker restarting (the stack restarts it): the follower goes on instead of ending with it;
                    // records handled but not committed are handled again after a restart, which erases nothing more
                    System.out.println("  mail relay: erasure follower waits for Kafka: " + e);
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Exception e) {
            System.out.println("  mail relay: erasure follower stopped: " + e);
        }
    }

    /** One poll: its records handled in order per partition, then the handled ones committed together (one commit). */
    void followOnce(Consumer<String, String> c) throws InterruptedException {
        ConsumerRecords<String, String> records = c.poll(Duration.ofSeconds(1));
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                try {
                    int erased = handle(record.value());
                    if (erased > 0) {
                        System.out.println("  mail relay: erased " + erased + " stored message(s) of an erased person");
                    }
                    handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (Exception e) {
                    // this partition is read again from here at the next poll: an erasure is never skipped
                    System.out.println("  mail relay: could not erase for " + record.topic() + "@" + record.offset()
                            + ", retrying: " + e);
                    c.seek(partition, record.offset());
                    failed = true;
                    break;
                }
            }
        }
        if (!handled.isEmpty()) {
            c.commitSync(handled);
        }
        if (failed) {
            Thread.sleep(1000);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
