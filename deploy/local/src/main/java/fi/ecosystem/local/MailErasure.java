package fi.ecosystem.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    private final String bootstrap;
    private final byte[] hashKey;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    MailErasure(MailServer mail, String bootstrap, String hashKeyBase64) {
        this.mail = mail;
        this.bootstrap = bootstrap;
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
        if (value == null) {
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
        // a group of its own, committed after each record is handled: a restart of the stack on the same data resumes
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "local-mail-relay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        try (KafkaConsumer<String, String> c = consumer) {
            c.subscribe(List.of(TOPIC));
            while (running.get()) {
                boolean handled = true;
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofSeconds(1))) {
                    try {
                        int erased = handle(record.value());
                        if (erased > 0) {
                            System.out.println("  mail relay: erased " + erased + " stored message(s) of an erased person");
                        }
                    } catch (Exception e) {
                        // read it again at the next poll: an erasure is never skipped
                        System.out.println("  mail relay: could not erase for " + record.topic() + "@" + record.offset() + ", retrying: " + e);
                        c.seek(new org.apache.kafka.common.TopicPartition(record.topic(), record.partition()), record.offset());
                        handled = false;
                        break;
                    }
                    c.commitSync(Map.of(new org.apache.kafka.common.TopicPartition(record.topic(), record.partition()),
                            new org.apache.kafka.clients.consumer.OffsetAndMetadata(record.offset() + 1)));
                }
                if (!handled) {
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Exception e) {
            System.out.println("  mail relay: erasure follower stopped: " + e);
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, String> c = consumer;
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
