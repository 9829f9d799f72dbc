package fi.ecosystem.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.util.Arrays;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** Registrations stored with the plain SHA-256 of their address are found by its keyed hash after a start. */
class LegacyEmailHashesTest {

    @Test
    void registrationsWithThePlainSha256GetTheKeyedHashInsteadOnce() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 5);
        EmailHash emailHash = new EmailHash(secret);
        try (MongoClient client = MongoClients.create(EmbeddedStore.uri())) {
            MongoTemplate mongo = new MongoTemplate(client, "events-" + UUID.randomUUID().toString().substring(0, 8));
            mongo.indexOps("registrations").createIndex(new Index().on(LegacyEmailHashes.LEGACY,
                    org.springframework.data.domain.Sort.Direction.ASC).named(LegacyEmailHashes.LEGACY));
            mongo.insert(new Document("_id", "r-old").append("email", "vanha@example.org")
                    .append(LegacyEmailHashes.LEGACY, EmailHash.legacySha256("vanha@example.org")), "registrations");
            mongo.insert(new Document("_id", "r-new").append("email", "uusi@example.org")
                    .append("emailHash", emailHash.of("uusi@example.org")), "registrations");

            LegacyEmailHashes legacy = new LegacyEmailHashes(mongo, emailHash);
            assertThat(legacy.migrate()).isEqualTo(1);
            assertThat(legacy.migrate()).as("a second start finds nothing to do").isZero();

            Document old = mongo.findById("r-old", Document.class, "registrations");
            assertThat(old).doesNotContainKey(LegacyEmailHashes.LEGACY).containsEntry("emailHash", emailHash.of("vanha@example.org"));
            assertThat(mongo.findById("r-new", Document.class, "registrations"))
                    .containsEntry("emailHash", emailHash.of("uusi@example.org"));
            assertThat(mongo.indexOps("registrations").getIndexInfo()).extracting(IndexInfo::getName)
                    .contains("_id_").doesNotContain(LegacyEmailHashes.LEGACY);
        }
    }
}
