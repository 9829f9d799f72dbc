package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Pointers to merged addresses are keyed by the keyed hash of the address; older ones are re-keyed at start. */
class MergedAddressesTest {

    @Test
    void pointersByThePlainSha256AreRekeyedAndAnErasureForgetsBothKinds() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 9);
        EmailHash emailHash = new EmailHash(secret);
        try (MongoClient client = MongoClients.create(EmbeddedStore.uri())) {
            MongoTemplate mongo = new MongoTemplate(client, "contacts-" + UUID.randomUUID().toString().substring(0, 8));
            mongo.insert(new Document("_id", "c-1").append("otherEmails", List.of("yhdistetty@example.org")), "contacts");
            mongo.insert(new Document("_id", EmailHash.legacySha256("yhdistetty@example.org")).append("contactId", "c-1"),
                    MergedAddresses.COLLECTION);
            // a pointer to an address the person no longer holds counts for nothing: dropped
            mongo.insert(new Document("_id", EmailHash.legacySha256("luovutettu@example.org")).append("contactId", "c-1"),
                    MergedAddresses.COLLECTION);
            MergedAddresses addresses = new MergedAddresses(mongo, emailHash);

            assertThat(addresses.rekey()).isEqualTo(1);
            assertThat(addresses.rekey()).as("a second start finds nothing to do").isZero();
            assertThat(addresses.holderOf("Yhdistetty@example.org")).contains("c-1");
            assertThat(mongo.findAll(Document.class, MergedAddresses.COLLECTION)).singleElement()
                    .satisfies(pointer -> assertThat(pointer).containsEntry("_id", emailHash.of("yhdistetty@example.org"))
                            .containsEntry("hash", MergedAddresses.KEYED));

            mongo.insert(new Document("_id", EmailHash.legacySha256("toinen@example.org")).append("contactId", "c-2"),
                    MergedAddresses.COLLECTION);
            assertThat(addresses.forget(List.of("yhdistetty@example.org", "toinen@example.org"))).isEqualTo(2);
            assertThat(mongo.findAll(Document.class, MergedAddresses.COLLECTION)).isEmpty();
            assertThat(addresses.holderOf("yhdistetty@example.org")).isEmpty();
        }
    }
}
