package fi.ecosystem.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.platform.privacy.KeyEncryptionKeys;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sealed personal data in a received event is opened when a handler first asks for it, not on receipt: a
 * subscription that passes the event over by its type, or a handler that already handled it, reads no key.
 */
class SealedEventOpeningTest {

    static final MongoClient client = MongoClients.create(EmbeddedStore.uri());
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The person's key read from the store, counted. */
    final AtomicInteger keyReads = new AtomicInteger();
    PersonalDataKeys keys;
    EmailHash emailHash;
    PersonalDataSeal seal;
    Inbox inbox;

    @BeforeEach
    void ownDatabases() {
        String run = UUID.randomUUID().toString();
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        PersonalDataKeys keys = new PersonalDataKeys(new MongoTemplate(client, "keys-" + run),
                new KeyEncryptionKeys(Base64.getEncoder().encodeToString(secret), List.of())) {
            @Override
            public Optional<SecretKey> existing(String subject) {
                keyReads.incrementAndGet();
                return super.existing(subject);
            }

            @Override
            public Map<String, SecretKey> existing(Collection<String> subjects) {
                keyReads.incrementAndGet();
                return super.existing(subjects);
            }
        };
        this.keys = keys;
        emailHash = new EmailHash(secret);
        seal = new PersonalDataSeal(keys, emailHash, JSON);
        inbox = new Inbox(new MongoTemplate(client, "inbox-" + run), JSON, Duration.ofDays(14), null, seal);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    ConsumerRecord<String, String> sealedRegistration(String eventId, String email) {
        return sealedRegistration(eventId, email, 0);
    }

    ConsumerRecord<String, String> sealedRegistration(String eventId, String email, long offset) {
        Map<String, Object> participant = new LinkedHashMap<>(Map.of("email", email, "firstName", "Sinikka",
                "lastName", "Salainen"));
        Map<String, Object> data = new LinkedHashMap<>(Map.of("registrationId", "r-1", "eventId", "e-1", "projectId", "hri",
                "status", "CONFIRMED", "participant", participant));
        Map<String, Object> envelope = new LinkedHashMap<>(Map.of("id", eventId, "type", "registration.confirmed",
                "version", 1, "time", "2026-11-23T10:00:00Z", "source", "events-service", "subject", "r-1",
                "cities", List.of("helsinki"), "data", seal.seal(eventId, "registration.confirmed", data)));
        return new ConsumerRecord<>("registrations", 0, offset, "r-1", JSON.writeValueAsString(envelope));
    }

    @Test
    void anEventPassedOverByItsTypeOrHandledBeforeReadsNoKey() {
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = sealedRegistration(eventId, "sinikka@example.org");
        keyReads.set(0); // sealing made the key

        List<String> seen = new ArrayList<>();
        Subscription cancellations = inbox.subscribe("registrations").types("registration.cancelled")
                .once("cancellations", event -> seen.add("cancelled"));
        assertThat(cancellations.handle(inbox.receive(record))).isFalse();
        assertThat(keyReads).as("passed over by its type").hasValue(0);

        Subscription confirmations = inbox.subscribe("registrations").types("registration.confirmed")
                .once("confirmations", event -> seen.add(event.payload(Participation.class).participant().email()));
        assertThat(confirmations.handle(inbox.receive(record))).isTrue();
        assertThat(seen).containsExactly("sinikka@example.org");
        assertThat(keyReads).as("opened once, for the handler").hasValue(1);

        assertThat(confirmations.handle(inbox.receive(record))).as("a redelivery").isFalse();
        assertThat(seen).hasSize(1);
        assertThat(keyReads).as("handled before: not opened again").hasValue(1);
    }

    @Test
    void theClearPayloadHasTheIdsWithoutThePersonAndReadsNoKey() {
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = sealedRegistration(eventId, "sinikka@example.org");
        keyReads.set(0);

        Participation clear = inbox.receive(record).clearPayload(Participation.class);

        assertThat(clear.registrationId()).isEqualTo("r-1");
        assertThat(clear.participant()).as("sealed: not opened").isNull();
        assertThat(keyReads).hasValue(0);
        assertThat(inbox.receive(record).payload(Participation.class).participant().email()).isEqualTo("sinikka@example.org");
        assertThat(keyReads).hasValue(1);
    }

    @Test
    void theEventsOfOneHandlingAreOpenedWithOneReadOfTheirKeys() {
        List<InboundEvent> poll = new ArrayList<>();
        String[] people = {"aino@example.org", "bertta@example.org", "cecilia@example.org", "aino@example.org"};
        for (int i = 0; i < people.length; i++) {
            poll.add(inbox.receive(sealedRegistration(UUID.randomUUID().toString(), people[i], i)));
        }
        keys.shred(List.of(PersonalData.Subject.byEmail("bertta@example.org").keyId(emailHash)));
        keyReads.set(0);

        List<String> seen = new ArrayList<>();
        inbox.onceAll("participation", poll, events -> events.forEach(event -> seen.add(event.personalDataErased() ? "erased"
                : event.payload(Participation.class).participant().email())));

        assertThat(seen).containsExactly("aino@example.org", "erased", "cecilia@example.org", "aino@example.org");
        assertThat(keyReads).as("one read for the four events").hasValue(1);
    }

    @Test
    void aPollsEventsOpenedByTheSubscriptionsConditionAreOpenedWithOneReadOfTheirKeys() {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        String[] people = {"aino@example.org", "bertta@example.org", "cecilia@example.org"};
        for (int i = 0; i < people.length; i++) {
            poll.add(sealedRegistration(UUID.randomUUID().toString(), people[i], i));
        }
        poll.add(1, new ConsumerRecord<>("registrations", 0, 9, "x", "{\"id\": \"" + UUID.randomUUID()
                + "\", \"type\": \"registration.cancelled\", \"version\": 1, \"time\": \"2026-11-23T10:00:00Z\", "
                + "\"source\": \"events-service\", \"subject\": \"x\", \"cities\": [\"helsinki\"], \"data\": {}}")); // of another type: not opened
        keyReads.set(0);
        List<String> seen = new ArrayList<>();
        BatchSubscription notErased = inbox.subscribe("registrations").types("registration.confirmed")
                .when(event -> !event.personalDataErased())
                .batch("participation", events -> events.forEach(event -> seen.add(event.payload(Participation.class)
                        .participant().email())));

        notErased.on(poll);

        assertThat(seen).containsExactly(people);
        assertThat(keyReads).as("one read for the three events the condition opened").hasValue(1);
    }

    @Test
    void inAPollOpenedTogetherTheEventThatDoesNotOpenFailsAloneAndTheOnesBeforeItAreHandled() {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            poll.add(sealedRegistration(UUID.randomUUID().toString(), "p" + i + "@example.org", i));
        }
        String wire = poll.get(1).value();
        String ciphertext = JSON.readTree(wire).get("data").get("sealed").get("ciphertext").asString();
        poll.set(1, new ConsumerRecord<>("registrations", 0, 1, "r-1", wire.replace(ciphertext,
                Base64.getEncoder().encodeToString(new byte[40]))));
        List<String> seen = new ArrayList<>();
        BatchSubscription notErased = inbox.subscribe("registrations").when(event -> !event.personalDataErased())
                .batch("participation", events -> events.forEach(event -> seen.add(event.payload(Participation.class)
                        .participant().email())));

        assertThatThrownBy(() -> notErased.on(poll)).isInstanceOfSatisfying(
                org.springframework.kafka.listener.BatchListenerFailedException.class,
                failed -> assertThat(failed.getIndex()).as("the tampered one").isEqualTo(1));
        assertThat(seen).containsExactly("p0@example.org");
    }

    @Test
    void aSealedPartThatDoesNotOpenIsPoisonWhenTheHandlerAsksForIt() {
        String eventId = UUID.randomUUID().toString();
        String wire = sealedRegistration(eventId, "salainen@example.org").value();
        String ciphertext = JSON.readTree(wire).get("data").get("sealed").get("ciphertext").asString();
        String tampered = wire.replace(ciphertext, Base64.getEncoder().encodeToString(new byte[40]));
        InboundEvent event = inbox.receive(new ConsumerRecord<>("registrations", 0, 1, "r-1", tampered));
        assertThat(event.type()).isEqualTo("registration.confirmed"); // the envelope itself reads
        assertThatThrownBy(() -> event.payload(Participation.class)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("does not open");
    }

    record Participation(String registrationId, Participant participant) {
    }

    record Participant(String email, String firstName) {
    }
}
