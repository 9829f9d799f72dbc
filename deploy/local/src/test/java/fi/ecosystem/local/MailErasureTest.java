package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A {@code contact.erased} event takes every held message of the erased address out of the mail relay, and nothing else. */
class MailErasureTest {

    @TempDir
    Path tmp;

    private MailServer mail;
    private Session session;
    private final MailErasure erasure = new MailErasure(null, "unused:9092", Services.LOCAL_PERSONAL_DATA_HASH_KEY);

    @BeforeEach
    void start() throws Exception {
        int smtpPort = LauncherProcess.freePort();
        mail = new MailServer(Options.parse(new String[] {"--only=smtp", "--data=" + tmp, "--smtp-port=" + smtpPort,
                "--imap-port=" + LauncherProcess.freePort()}));
        mail.start();
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        session = Session.getInstance(props);
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void theErasedAddressesMailsGoEverywhereOtherPeoplesStay() throws Exception {
        send("Ronja.Rekisteri@example.org", "Vahvistettu", "Ronja, tervetuloa");
        send("ronja.rekisteri@example.org", "Muistutus", "Ronja, huomenna");
        send("olli.osallinen@example.org", "Vahvistettu", "Olli, tervetuloa");
        send("olli.osallinen@example.org, ronja.rekisteri@example.org", "Yhteinen", "Olli ja Ronja");
        assertEquals(List.of("Vahvistettu", "Muistutus", "Vahvistettu", "Yhteinen"), subjects());

        MailErasure follower = new MailErasure(mail, "unused:9092", Services.LOCAL_PERSONAL_DATA_HASH_KEY);
        // the event names the person only by the keyed hash of the address, in any case of letters
        String erased = """
                {"id": "e-1", "type": "contact.erased", "version": 2, "subject": "c-1",
                 "data": {"contactId": "c-1", "emailHash": "%s", "otherEmailHashes": []}}
                """.formatted(erasure.hash(" RONJA.rekisteri@example.org"));
        // the mailbox of Ronja (two messages), and the shared message from Olli's mailbox
        assertEquals(4, follower.handle(erased));

        assertEquals(List.of("Vahvistettu"), subjects());
        assertTrue(mail.mails().get(0).envelopeRecipients().contains("olli.osallinen@example.org"));
        assertEquals(0, follower.handle(erased), "a second delivery of the event finds nothing more");
        assertEquals(0, follower.handle("""
                {"id": "e-2", "type": "contact.changed", "data": {"contactId": "c-2", "emailHash": "%s"}}
                """.formatted(erasure.hash("olli.osallinen@example.org"))), "only an erasure erases");
        assertEquals(0, follower.handle("""
                {"id": "e-3", "type": "contact.changed", "data": {"contactId": "c-2", "organisationName": "contact.erased",
                 "emailHash": "%s"}}
                """.formatted(erasure.hash("olli.osallinen@example.org"))), "the type decides, not the text naming it");
        assertEquals(0, follower.handle("not json"));
        assertEquals(List.of("Vahvistettu"), subjects());
    }

    @Test
    void theHashIsThePlatformsKeyedHashOfTheAddress() {
        // HMAC-SHA256 under the local key as contracts' EmailHash computes it (reference value from Python's hmac)
        assertEquals("62df4345f1687d66c8b8b285068f6883fb6f26c01f1162a8878b04e4651bb1fc", erasure.hash("  Maija@Example.ORG "));
        assertTrue(MailErasure.erasedHashes("{\"type\":\"contact.erased\",\"data\":{\"emailHash\":\"a\",\"otherEmailHashes\":[\"b\"]}}")
                .containsAll(Set.of("a", "b")));
    }

    @Test
    void aPollsRecordsAreAllHandledAndCommittedTogether() throws Exception {
        send("ronja.rekisteri@example.org", "Vahvistettu", "Ronja, tervetuloa");
        send("olli.osallinen@example.org", "Muistutus", "Olli, huomenna");
        CountingConsumer consumer = new CountingConsumer();
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.addRecord(record(0, "contact.changed", "olli.osallinen@example.org"));
        consumer.addRecord(record(1, "contact.erased", "ronja.rekisteri@example.org"));
        consumer.addRecord(record(2, "contact.changed", "olli.osallinen@example.org"));

        new MailErasure(mail, () -> consumer, Services.LOCAL_PERSONAL_DATA_HASH_KEY).followOnce(consumer);

        assertEquals(List.of("Muistutus"), subjects());
        assertEquals(3, consumer.committed(Set.of(PARTITION)).get(PARTITION).offset(), "all three handled");
        assertEquals(1, consumer.commits, "one commit for the poll, not one per record");
    }

    @Test
    void theFollowerGoesOnWhenKafkaFailsAndErasesWhatComesAfter() throws Exception {
        send("ronja.rekisteri@example.org", "Vahvistettu", "Ronja, tervetuloa");
        CountingConsumer consumer = new CountingConsumer();
        // the first poll is given its partition and the erasure, then fails as a broker going away does
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.addRecord(record(0, "contact.erased", "ronja.rekisteri@example.org"));
        });
        consumer.setPollException(new KafkaException("broker gone"));

        try (MailErasure follower = new MailErasure(mail, () -> consumer, Services.LOCAL_PERSONAL_DATA_HASH_KEY)) {
            follower.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!subjects().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), subjects(), "the erasure after the failed poll was not handled");
            assertEquals(1, consumer.committed(Set.of(PARTITION)).get(PARTITION).offset());
        }
    }

    private static final TopicPartition PARTITION = new TopicPartition(MailErasure.TOPIC, 0);

    private ConsumerRecord<String, String> record(long offset, String type, String email) {
        return new ConsumerRecord<>(MailErasure.TOPIC, 0, offset, "c-" + offset, """
                {"id": "e-%d", "type": "%s", "data": {"contactId": "c-%d", "emailHash": "%s", "otherEmailHashes": []}}
                """.formatted(offset, type, offset, erasure.hash(email)));
    }

    /** Kafka's own stand-in consumer, counting the commits asked of it. */
    private static final class CountingConsumer extends MockConsumer<String, String> {
        int commits;

        CountingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            commits++;
            super.commitSync(offsets);
        }
    }

    private void send(String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("events@ecosystem.example.org"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private List<String> subjects() throws Exception {
        return mail.mails().stream().map(m -> {
            try {
                return m.message().getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
