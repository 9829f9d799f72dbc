package fi.ecosystem.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailHashTest {

    static final byte[] SECRET = new byte[32];
    static final byte[] OTHER_SECRET = new byte[32];

    static {
        Arrays.fill(SECRET, (byte) 7);
        Arrays.fill(OTHER_SECRET, (byte) 8);
    }

    @Test
    void theKeyedHashIsNotThePlainSha256AndDependsOnTheSecret() {
        String email = "Sinikka.Salainen@example.org";
        String keyed = new EmailHash(SECRET).of(email);
        String plain = EmailHash.legacySha256(email);

        // reference values computed outside Java (Python's hashlib and hmac)
        assertThat(plain).isEqualTo("5d7858fdcef5bd82036303f7bae3c4450e901055c142ec7458e93d63fd1fba30");
        assertThat(keyed).isEqualTo("0d5d8dd762c07461e74bc7bc0bc38d67e3ebb326f0c1ce4d389a0e23e5b8406d").isNotEqualTo(plain);
        assertThat(new EmailHash(OTHER_SECRET).of(email)).as("another secret, another hash").isNotEqualTo(keyed);
        assertThat(new EmailHash(SECRET.clone()).of(email)).as("the same secret, the same hash").isEqualTo(keyed);
    }

    @Test
    void everyWayOfWritingTheAddressHashesAlike() {
        EmailHash hash = EmailHash.fromBase64(Base64.getEncoder().encodeToString(SECRET));
        assertThat(hash.of("  Sinikka.Salainen@Example.ORG ")).isEqualTo(hash.of("sinikka.salainen@example.org"));
        assertThat(hash.of("sinikka.salainen@example.org")).isNotEqualTo(hash.of("sinikka.salainen@example.com"));
    }

    @Test
    void aShortOrMissingSecretIsRefused() {
        assertThatThrownBy(() -> new EmailHash(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailHash.fromBase64(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EmailHash(SECRET).toString()).doesNotContain(Base64.getEncoder().encodeToString(SECRET));
    }

    @Test
    void everyKeyOfAPersonCoversKeyedAndLegacyIdsAndTheContactRecord() {
        EmailHash hash = new EmailHash(SECRET);
        List<String> keys = PersonalData.everyKeyOf("c-1", List.of("a@example.org", "b@example.org"), hash);
        assertThat(keys).containsExactly(hash.of("a@example.org"), EmailHash.legacySha256("a@example.org"),
                hash.of("b@example.org"), EmailHash.legacySha256("b@example.org"), "contact:c-1");
    }
}
