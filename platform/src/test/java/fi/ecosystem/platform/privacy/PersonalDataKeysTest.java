package fi.ecosystem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.WatchedStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key store holds the data subjects' keys only wrapped with a key-encryption key from configuration:
 * its documents open nothing without that KEK, the KEK can be rotated, and keys stored in clear by an
 * earlier version are wrapped.
 */
class PersonalDataKeysTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EmailHash HASH = new EmailHash(bytes(3));
    static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedStore.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static byte[] bytes(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    /** KEK number {@code n}, current, with earlier ones as old KEKs. */
    static KeyEncryptionKeys keks(int current, int... old) {
        return new KeyEncryptionKeys(Base64.getEncoder().encodeToString(bytes(100 + current)),
                Arrays.stream(old).mapToObj(n -> Base64.getEncoder().encodeToString(bytes(100 + n))).toList());
    }

    /** A key store of its own for one test, so what one test stores does not count in another. */
    static MongoTemplate database() {
        return new MongoTemplate(client, "keys-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static Document raw(MongoTemplate database, String keyId) {
        return client.getDatabase(database.getDb().getName()).getCollection(PersonalDataKeys.COLLECTION)
                .find(new Document("_id", keyId)).first();
    }

    /** Opens a sealed part as anyone holding {@code key} could, without the platform. */
    static byte[] openWith(byte[] key, Map<?, ?> sealed, String eventId) throws GeneralSecurityException {
        return AesGcm.crypt(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                Base64.getDecoder().decode((String) sealed.get("iv")), eventId, Base64.getDecoder().decode((String) sealed.get("ciphertext")));
    }

    @Test
    void aStoredKeyDocumentOpensNothingWithoutTheKekButOpensWithIt() throws Exception {
        MongoTemplate database = database();
        KeyEncryptionKeys kek = keks(1);
        PersonalDataSeal seal = new PersonalDataSeal(new PersonalDataKeys(database, kek), HASH, JSON);
        String email = "kaarina." + UUID.randomUUID() + "@example.org";
        Map<String, Object> sealed = seal.seal("e-1", "registration.confirmed", PersonalDataSealTest.registration(email));
        Map<?, ?> part = (Map<?, ?>) sealed.get(PersonalData.SEALED);
        String keyId = (String) part.get("subject");
        assertThat(keyId).isEqualTo(HASH.of(email));

        // the raw document, as a backup holds it: wrapped, naming its KEK, no key in clear
        Document stored = raw(database, keyId);
        assertThat(stored).isNotNull().doesNotContainKey("key")
                .containsEntry("alg", "A256GCMKW").containsEntry("kek", kek.currentId());
        byte[] wrappedKey = ((Binary) stored.get("wrappedKey")).getData();
        byte[] iv = ((Binary) stored.get("iv")).getData();
        assertThat(wrappedKey).hasSize(48);
        assertThat(stored.toJson()).doesNotContain(Base64.getEncoder().encodeToString(bytes(101)));

        // no 32 bytes of the document open the sealed value
        for (int at = 0; at + 32 <= wrappedKey.length; at++) {
            byte[] candidate = Arrays.copyOfRange(wrappedKey, at, at + 32);
            assertThatThrownBy(() -> openWith(candidate, part, "e-1")).isInstanceOf(GeneralSecurityException.class);
        }
        // unwrapped with another KEK: refused
        KeyEncryptionKeys.Wrapped asStored = new KeyEncryptionKeys.Wrapped(kek.currentId(), iv, wrappedKey);
        KeyEncryptionKeys wrong = keks(2);
        assertThatThrownBy(() -> wrong.unwrap(keyId, new KeyEncryptionKeys.Wrapped(wrong.currentId(), iv, wrappedKey)))
                .isInstanceOf(IllegalStateException.class);
        // moved to another key id: refused (the key id is authenticated)
        assertThatThrownBy(() -> kek.unwrap(HASH.of("toinen@example.org"), asStored)).isInstanceOf(IllegalStateException.class);
        // with the right KEK: the key opens the sealed value
        byte[] plain = openWith(kek.unwrap(keyId, asStored), part, "e-1");
        assertThat(new String(plain, StandardCharsets.UTF_8)).contains(email, "Salainen");
    }

    @Test
    void afterRotationKeysOfTheOldKekAreRewrappedWithTheNewOneAndStillOpen() {
        MongoTemplate database = database();
        String email = "kierto." + UUID.randomUUID() + "@example.org";
        PersonalDataSeal before = new PersonalDataSeal(new PersonalDataKeys(database, keks(1)), HASH, JSON);
        Map<String, Object> sealed = before.seal("e-2", "registration.confirmed", PersonalDataSealTest.registration(email));
        String keyId = HASH.of(email);

        // rotated: KEK 2 is current, KEK 1 kept to unwrap until the re-wrap
        KeyEncryptionKeys rotated = keks(2, 1);
        PersonalDataKeys keys = new PersonalDataKeys(database, rotated);
        assertThat(keys.existing(keyId)).isPresent();
        assertThat(keys.rewrap()).isEqualTo(new PersonalDataKeys.Rewrapped(0, 1));
        assertThat(raw(database, keyId)).containsEntry("kek", rotated.currentId());
        assertThat(keys.rewrap()).as("again: nothing left to do").isEqualTo(new PersonalDataKeys.Rewrapped(0, 0));

        // the old KEK is no longer needed, and no longer enough
        PersonalDataSeal after = new PersonalDataSeal(new PersonalDataKeys(database, keks(2)), HASH, JSON);
        assertThat(after.open("e-2", sealed).data()).isEqualTo(PersonalDataSealTest.registration(email));
        PersonalDataKeys oldOnly = new PersonalDataKeys(database, keks(1));
        assertThatThrownBy(() -> oldOnly.existing(keyId)).as("not 'erased': the configuration is wrong")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PERSONAL_DATA_OLD_KEKS");
        assertThatThrownBy(oldOnly::rewrap).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyStoredInClearIsWrappedAtStartAndRecordsSealedUnderItsLegacyIdStillOpen() throws Exception {
        MongoTemplate database = database();
        String email = "vanha." + UUID.randomUUID() + "@example.org";
        String legacyId = EmailHash.legacySha256(email);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        database.insert(new Document("_id", legacyId).append("key", new Binary(key)).append("createdAt", new Date()),
                PersonalDataKeys.COLLECTION);
        // a record an earlier version sealed: the key in clear, the plain SHA-256 as key id
        Map<String, Object> old = new LinkedHashMap<>(PersonalDataSealTest.registration(email));
        Object participant = old.remove("participant");
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        byte[] ciphertext = AesGcm.crypt(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), iv, "e-3",
                JSON.writeValueAsBytes(Map.of("participant", participant)));
        old.put(PersonalData.SEALED, Map.of("subject", legacyId, "alg", "AES-256-GCM",
                "iv", Base64.getEncoder().encodeToString(iv), "ciphertext", Base64.getEncoder().encodeToString(ciphertext)));

        PersonalDataKeys keys = new PersonalDataKeys(database, keks(1));
        assertThat(keys.rewrap()).isEqualTo(new PersonalDataKeys.Rewrapped(1, 0));
        Document stored = raw(database, legacyId);
        assertThat(stored).doesNotContainKey("key").containsKeys("wrappedKey", "iv", "kek");
        assertThat(stored.toJson()).doesNotContain(Base64.getEncoder().encodeToString(key));
        assertThat(keys.existing(legacyId).orElseThrow().getEncoded()).isEqualTo(key);
        assertThat(keys.rewrap()).isEqualTo(new PersonalDataKeys.Rewrapped(0, 0));

        PersonalDataSeal seal = new PersonalDataSeal(keys, HASH, JSON);
        assertThat(seal.open("e-3", old).data()).isEqualTo(PersonalDataSealTest.registration(email));
        // a new seal for the same person uses the keyed id, never the legacy one
        Map<?, ?> fresh = (Map<?, ?>) seal.seal("e-4", "registration.confirmed", PersonalDataSealTest.registration(email))
                .get(PersonalData.SEALED);
        assertThat(fresh.get("subject")).isEqualTo(HASH.of(email)).isNotEqualTo(legacyId);

        // erasure by every id the person's keys may have: none is left
        assertThat(keys.shred(PersonalData.everyKeyOf("c-3", List.of(email), HASH))).isEqualTo(2);
        assertThat(raw(database, legacyId)).isNull();
        assertThat(raw(database, HASH.of(email))).isNull();
        assertThat(seal.open("e-3", old).erased()).isTrue();
    }

    @Test
    void aKekIsNamedByAnIdThatRevealsNothingOfIt() {
        KeyEncryptionKeys kek = keks(1);
        assertThat(kek.currentId()).matches("[0-9a-f]{16}").isNotEqualTo(keks(2).currentId()).isEqualTo(keks(1, 2).currentId());
        assertThat(keks(2, 1).ids()).containsExactlyInAnyOrder(keks(1).currentId(), keks(2).currentId());
        assertThat(kek.toString()).doesNotContain(Base64.getEncoder().encodeToString(bytes(101)));
        assertThatThrownBy(() -> new KeyEncryptionKeys(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new KeyEncryptionKeys("", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyIsMadeOrFoundWithOneCommandAndConcurrentMakersAgreeOnOne() throws Exception {
        String name = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> commands = new CopyOnWriteArrayList<>();
        try (MongoClient watched = WatchedStore.client(started -> {
            if (started.getDatabaseName().equals(name)) {
                commands.add(started.getCommandName());
            }
        })) {
            KeyEncryptionKeys kek = keks(1);
            PersonalDataKeys keys = new PersonalDataKeys(new MongoTemplate(watched, name), kek);

            SecretKey made = keys.keyFor("contact:c-1");
            assertThat(commands).as("a new subject").containsExactly("findAndModify");
            commands.clear();
            assertThat(keys.keyFor("contact:c-1").getEncoded()).as("a known subject").isEqualTo(made.getEncoded());
            assertThat(commands).containsExactly("findAndModify");
            assertThat(keys.existing("contact:c-1").orElseThrow().getEncoded()).isEqualTo(made.getEncoded());

            // eight makers of one new subject at once get the one key stored
            ExecutorService makers = Executors.newFixedThreadPool(8);
            try {
                List<Future<SecretKey>> made8 = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    made8.add(makers.submit(() -> keys.keyFor("contact:c-2")));
                }
                byte[] stored = keys.existing("contact:c-2").orElseThrow().getEncoded();
                for (Future<SecretKey> each : made8) {
                    assertThat(each.get().getEncoded()).isEqualTo(stored);
                }
            } finally {
                makers.shutdownNow();
            }

            // several read together, those without a key left out
            commands.clear();
            assertThat(keys.existing(List.of("contact:c-1", "contact:c-2", "contact:none")))
                    .containsOnlyKeys("contact:c-1", "contact:c-2");
            assertThat(commands).containsExactly("find");
        }
    }

    @Test
    void keysMadeTogetherAreOneWriteAndThoseThatHadAKeyKeepIt() {
        String name = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> commands = new CopyOnWriteArrayList<>();
        try (MongoClient watched = WatchedStore.client(started -> {
            if (started.getDatabaseName().equals(name)) {
                commands.add(started.getCommandName());
            }
        })) {
            PersonalDataKeys keys = new PersonalDataKeys(new MongoTemplate(watched, name), keks(1));
            byte[] known = keys.keyFor("contact:known").getEncoded();
            commands.clear();

            Map<String, byte[]> inside = new LinkedHashMap<>();
            keys.withKeysMade(List.of("contact:a", "contact:b", "contact:known"), () -> {
                for (String subject : List.of("contact:a", "contact:b", "contact:known")) {
                    inside.put(subject, keys.keyFor(subject).getEncoded());
                }
            });

            assertThat(commands).as("one insert, and one read for the key that was there").containsExactly("insert", "find");
            assertThat(inside.get("contact:known")).isEqualTo(known);
            for (String subject : List.of("contact:a", "contact:b")) {
                assertThat(keys.existing(subject).orElseThrow().getEncoded()).as(subject + " as stored").isEqualTo(inside.get(subject));
            }
            commands.clear();
            keys.keyFor("contact:a");
            assertThat(commands).as("outside the work: from the store again").containsExactly("findAndModify");
        }
    }
}
