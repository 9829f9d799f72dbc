package fi.ecosystem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Personal fields travel sealed with the person's own key; without the key they are gone for good. */
class PersonalDataSealTest {

    static MongoClient client;
    static PersonalDataKeys keys;
    static PersonalDataSeal seal;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EmailHash HASH = new EmailHash(PersonalDataKeysTest.bytes(3));

    @BeforeAll
    static void store() {
        client = MongoClients.create(EmbeddedStore.uri());
        keys = new PersonalDataKeys(new MongoTemplate(client, "personal-data-keys-test"), PersonalDataKeysTest.keks(1));
        seal = new PersonalDataSeal(keys, HASH, JSON);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static Map<String, Object> registration(String email) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("email", email);
        participant.put("firstName", "Sinikka");
        participant.put("lastName", "Salainen");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("registrationId", "r-1");
        data.put("projectId", "hri");
        data.put("participant", participant);
        return data;
    }

    @Test
    void aRegistrationTravelsWithoutNameOrAddressAndOpensWithThePersonsKey() {
        String email = "sinikka." + UUID.randomUUID() + "@example.org";
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> sealed = seal.seal(eventId, "registration.confirmed", registration(email));

        String wire = JSON.writeValueAsString(sealed);
        // the key id is the keyed hash of the address, not its plain SHA-256 (which anyone can compute)
        assertThat(wire).doesNotContain(email, "Sinikka", "Salainen", EmailHash.legacySha256(email))
                .contains("\"registrationId\":\"r-1\"", "\"subject\":\"" + HASH.of(email) + "\"");
        assertThat(sealed).doesNotContainKey("participant");

        PersonalDataSeal.Opened opened = seal.open(eventId, sealed);
        assertThat(opened.erased()).isFalse();
        assertThat(opened.data()).isEqualTo(registration(email));
    }

    @Test
    void afterTheKeyIsShreddedTheEventOpensWithoutItsPersonalFields() {
        String email = "poistuva." + UUID.randomUUID() + "@example.org";
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> sealed = seal.seal(eventId, "registration.cancelled", registration(email));

        assertThat(keys.shred(List.of(HASH.of(email)))).isEqualTo(1);
        assertThat(keys.shred(List.of(HASH.of(email)))).isZero();

        PersonalDataSeal.Opened opened = seal.open(eventId, sealed);
        assertThat(opened.erased()).isTrue();
        assertThat(opened.data()).containsEntry("registrationId", "r-1").doesNotContainKeys("participant", PersonalData.SEALED);
    }

    @Test
    void aSealedPartMovedToAnotherEventDoesNotOpen() {
        Map<String, Object> sealed = seal.seal("event-a", "registration.confirmed", registration("siirto@example.org"));
        assertThatThrownBy(() -> seal.open("event-b", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContactChangeSealsTheNameWithTheContactsKeyAndOtherTypesStayAsTheyAre() {
        Map<String, Object> contact = new LinkedHashMap<>(Map.of("contactId", "c-9", "displayName", "Sinikka Salainen",
                "projectIds", List.of("hri")));
        Map<String, Object> sealed = seal.seal("e-1", "contact.changed", contact);
        assertThat(JSON.writeValueAsString(sealed)).doesNotContain("Sinikka").contains("contact:c-9");
        assertThat(seal.open("e-1", sealed).data()).isEqualTo(contact);

        Map<String, Object> event = Map.of("eventId", "e-9", "projectId", "hri");
        assertThat(seal.seal("e-2", "event.changed", event)).isSameAs(event);
        Map<String, Object> project = Map.of("projectId", "hri", "contacts", List.of());
        assertThat(seal.seal("e-4", "project.changed", project)).isSameAs(project);
        Map<String, Object> nobody = new LinkedHashMap<>(Map.of("registrationId", "r-2"));
        assertThat(seal.seal("e-3", "registration.confirmed", nobody)).isSameAs(nobody);
    }

    @Test
    void everyoneWhoSealsForThePersonAtOnceUsesTheSameKey() throws Exception {
        String subject = HASH.of("rinnakkain." + UUID.randomUUID() + "@example.org");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<byte[]>> created = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                created.add(pool.submit(() -> keys.keyFor(subject).getEncoded()));
            }
            byte[] first = created.get(0).get();
            for (var key : created) {
                assertThat(key.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aProjectsContactPersonsAreSealedEachWithTheirOwnKeyAndAnErasedOneDropsOut() {
        String kept = "pysyva." + UUID.randomUUID() + "@example.org";
        String erased = "lahteva." + UUID.randomUUID() + "@example.org";
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("projectId", "hri");
        project.put("contacts", List.of(
                Map.of("firstName", "Pysyvä", "lastName", "Pekkala", "email", kept, "role", "PROJECT_MANAGER"),
                Map.of("firstName", "Lähtevä", "lastName", "Lahtinen", "email", erased, "role", "CEO"),
                Map.of("firstName", "Nimetön", "role", "PROJECT_SECRETARY")));
        Map<String, Object> sealed = seal.seal("p-1", "project.changed", project);
        assertThat(JSON.writeValueAsString(sealed)).doesNotContain(kept, erased, "Pekkala", "Lahtinen")
                .contains("\"projectId\":\"hri\"", "Nimetön");
        assertThat(seal.open("p-1", sealed).data()).isEqualTo(project);

        keys.shred(List.of(HASH.of(erased)));
        PersonalDataSeal.Opened opened = seal.open("p-1", sealed);
        assertThat(opened.erased()).isTrue();
        assertThat(opened.data().get("contacts")).asList().hasSize(2);
        assertThat(opened.data().toString()).contains("Pekkala", "Nimetön").doesNotContain("Lahtinen", erased);
    }
}
