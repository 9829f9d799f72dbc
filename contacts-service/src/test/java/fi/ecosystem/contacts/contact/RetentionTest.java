package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The retention rule anonymises people with no activity for the configured period (three years here),
 * keeps everyone else, and runs once however many replicas try at the same moment.
 */
class RetentionTest extends ContactsApiTestBase {

    static final Instant NOW = Instant.parse("2030-06-01T03:00:00Z");
    static final Instant FOUR_YEARS_AGO = NOW.minus(Duration.ofDays(4 * 365));
    static final Instant LAST_YEAR = NOW.minus(Duration.ofDays(365));

    @Autowired
    ContactRepository repository;
    @Autowired
    ProjectAccessDirectory projects;
    @Autowired
    ContactAudit audit;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    EmailHash emailHash;
    @Autowired
    MergedAddresses addresses;

    /** Another replica's retention job: same store, its own lease owner. */
    Retention replica() {
        return new Retention(mongo, repository, projects, audit, keys, emailHash, addresses, Duration.ofDays(1095), Duration.ofHours(6), true);
    }

    Contact person(String name, Instant lastActive) {
        Contact contact = Contact.enter(UUID.randomUUID().toString(), new ContactDetails(name, "Esimerkki", "Title",
                "Esimerkki Oy", null, name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org", "040 123 4567", "fi"),
                Set.of(HRI), lastActive);
        return repository.save(contact);
    }

    @Test
    void onlyInactivePeopleWithoutAConsentInForceAreAnonymisedOnceAcrossReplicas() throws Exception {
        List<Contact> inactive = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inactive.add(person("Inactive" + i, FOUR_YEARS_AGO));
        }
        Contact active = person("Active", LAST_YEAR);
        Contact consenting = person("Consenting", FOUR_YEARS_AGO);
        consenting.giveConsent("c-1", ConsentPurpose.NEWSLETTER, LegalBasis.CONSENT, ConsentSource.FORM, null, "nl-1", "form", null,
                FOUR_YEARS_AGO);
        repository.save(consenting);
        Contact withdrawn = person("Withdrawn", FOUR_YEARS_AGO);
        withdrawn.giveConsent("c-2", ConsentPurpose.NEWSLETTER, LegalBasis.CONSENT, ConsentSource.FORM, null, "nl-1", "form", null,
                FOUR_YEARS_AGO);
        withdrawn.withdrawConsent("c-2", "form", FOUR_YEARS_AGO);
        inactive.add(repository.save(withdrawn));
        String withdrawnEmail = withdrawn.email();
        // each person has keys (by id and by address; the sealed events about them use them); the anonymised lose theirs
        Map<String, List<String>> keyIds = new java.util.HashMap<>();
        List<Contact> everyone = new ArrayList<>(inactive);
        everyone.add(active);
        everyone.add(consenting);
        everyone.forEach(person -> keyIds.put(person.id(), PersonalData.everyKeyOf(person.id(), List.of(person.email()), emailHash)));
        keyIds.values().forEach(ids -> ids.forEach(keys::keyFor));

        List<Retention> replicas = List.of(replica(), replica(), replica(), replica());
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
        List<Future<Integer>> runs = new ArrayList<>();
        for (Retention retention : replicas) {
            runs.add(pool.submit((Callable<Integer>) () -> retention.run(NOW)));
        }
        int anonymised = 0;
        int ran = 0;
        for (Future<Integer> run : runs) {
            int count = run.get();
            anonymised += count;
            ran += count > 0 ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ran).as("one replica held the lease").isEqualTo(1);
        assertThat(anonymised).isEqualTo(21);
        for (Contact person : inactive) {
            Contact stored = repository.findById(person.id()).orElseThrow();
            assertThat(stored.anonymisedAt()).isEqualTo(NOW);
            assertThat(stored.firstName()).isNull();
            assertThat(stored.email()).isNull();
            assertThat(stored.phone()).isNull();
            assertThat(stored.displayName()).isEqualTo("Anonymised");
            assertThat(stored.projectIds()).containsExactly(HRI);
            assertThat(mongo.count(new Query(Criteria.where("contactId").is(person.id()).and("action").is("anonymised")),
                    ContactAudit.Entry.class)).isEqualTo(1);
        }
        inactive.forEach(person -> keyIds.get(person.id()).forEach(id -> assertThat(keys.existing(id)).as("key " + id).isEmpty()));
        keyIds.get(active.id()).forEach(id -> assertThat(keys.existing(id)).as("key " + id).isPresent());
        keyIds.get(consenting.id()).forEach(id -> assertThat(keys.existing(id)).as("key " + id).isPresent());
        assertThat(repository.findById(active.id()).orElseThrow().anonymisedAt()).isNull();
        assertThat(repository.findById(consenting.id()).orElseThrow().firstName()).isEqualTo("Consenting");

        // later passes (the lease expired) find nothing more; the second one at the same time is kept out
        assertThat(replica().run(NOW.plus(Duration.ofHours(1)))).as("lease still held").isZero();
        assertThat(replica().run(NOW.plus(Duration.ofHours(6)))).isZero();

        // every service hears of each anonymised person once, by id and the keyed hash of the address
        List<ConsumerRecord<String, String>> erased = TopicProbe.readAll(kafka.getBrokersAsString(), Topics.CONTACTS,
                Duration.ofSeconds(2)).stream().filter(record -> record.value().contains(ContactErased.TYPE)).toList();
        Map<String, Long> perPerson = new java.util.HashMap<>();
        erased.forEach(record -> perPerson.merge(record.key(), 1L, Long::sum));
        for (Contact person : inactive) {
            assertThat(perPerson.get(person.id())).as("contact.erased of " + person.id()).isEqualTo(1L);
        }
        assertThat(erased).anySatisfy(record -> assertThat(record.value())
                .contains(emailHash.of(withdrawnEmail)).doesNotContain(EmailHash.legacySha256(withdrawnEmail)));
    }

    @Test
    void aPersonWhoBecameActiveMeanwhileIsKept() {
        Contact person = person("Returning", FOUR_YEARS_AGO);
        contacts.registrationChanged(MergeTest.registration("r-9", HRI, person.email()), LAST_YEAR);

        assertThat(replica().run(NOW.plus(Duration.ofDays(1)))).isZero();
        assertThat(repository.findById(person.id()).orElseThrow().anonymisedAt()).isNull();
    }
}
