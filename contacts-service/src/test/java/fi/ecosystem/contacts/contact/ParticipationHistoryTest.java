package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.contacts.organisation.Organisation;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/** Registrations from the registrations topic become people with a participation history, once each. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class ParticipationHistoryTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "contacts-test");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;
    /** Watched, so that the test tells how often the consumer really ran, not only what the person kept. */
    @MockitoSpyBean
    ContactService contacts;
    @Autowired
    ParticipationHistory history;

    /** How many times the consumer applied this registration's event of this time, over every poll it handled. */
    long applied(String registrationId, Instant at) {
        ArgumentCaptor<List<RegistrationChanged>> registrations = ArgumentCaptor.captor();
        ArgumentCaptor<List<Instant>> times = ArgumentCaptor.captor();
        verify(contacts, atLeastOnce()).registrationsChanged(registrations.capture(), times.capture());
        long count = 0;
        for (int call = 0; call < registrations.getAllValues().size(); call++) {
            for (int i = 0; i < registrations.getAllValues().get(call).size(); i++) {
                if (registrations.getAllValues().get(call).get(i).registrationId().equals(registrationId)
                        && (at == null || times.getAllValues().get(call).get(i).equals(at))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Has the participation history's consumer marked this event handled in the inbox? */
    boolean handled(String eventId) {
        return mongo.exists(new Query(Criteria.where("_id").is("participation-history:" + eventId)), "processed_events");
    }

    @BeforeEach
    void projectKnown() {
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "hri", "Helsinki Ring of Industry", List.of("hyvinkaa", "kerava"));
    }

    static String registration(String eventId, String registrationId, String type, String email) {
        return """
                {"id": "%s", "type": "%s", "version": 1, "time": "2026-11-20T09:00:00Z", "source": "events-service",
                 "data": {"registrationId": "%s", "eventId": "e-1", "projectId": "hri", "status": "CONFIRMED",
                          "participant": {"email": "%s", "firstName": "Ville", "lastName": "Virtanen",
                                          "organisationName": "Esimerkki Oy", "language": "fi"}}}
                """.formatted(eventId, type, registrationId, email);
    }

    @Test
    void aRegistrationDeliveredTwiceMakesOnePersonWithOneHistoryLine() throws Exception {
        String duplicated = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String event = registration(duplicated, "r-1", "registration.confirmed", "ville.virtanen@example.org");
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-1", event);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-1", event);
        String second = registration(other, "r-2", "registration.waitlisted", "Ville.Virtanen@example.org");
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-2", second);
        // a later change of the same registration, on its key: on the partition of the duplicates, behind them
        String attended = registration(later, "r-1", "registration.attended", "ville.virtanen@example.org")
                .replace("2026-11-20T09:00:00Z", "2026-11-21T09:00:00Z");
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-1", attended);

        await().atMost(Duration.ofSeconds(20)).until(() -> handled(later) && handled(other));
        assertThat(handled(duplicated)).isTrue();
        // a person replaces a participation by its registration id, so the history alone cannot tell; the calls
        // can: the duplicated event (the one of 20 November) reached the consumer once
        assertThat(applied("r-1", Instant.parse("2026-11-20T09:00:00Z"))).isEqualTo(1);
        assertThat(applied("r-1", Instant.parse("2026-11-21T09:00:00Z"))).isEqualTo(1);
        assertThat(applied("r-2", null)).isEqualTo(1);
        Query byEmail = new Query(Criteria.where("email").is("ville.virtanen@example.org"));
        assertThat(mongo.count(byEmail, Contact.class)).isEqualTo(1);
        Contact contact = mongo.findOne(byEmail, Contact.class);
        assertThat(history.of(contact.id())).extracting(Participation::registrationId).containsExactlyInAnyOrder("r-1", "r-2");
        assertThat(history.of(contact.id())).filteredOn(line -> line.registrationId().equals("r-1"))
                .extracting(Participation::at).as("the later event's line replaced the first")
                .containsExactly(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(mongo.findById(contact.id(), org.bson.Document.class, "contacts"))
                .as("the history is not an array in the person's record").doesNotContainKey("participations")
                .containsEntry("participatedIn", List.of("hri"));
        assertThat(contact.projectIds()).containsExactly("hri");

        mvc.perform(get("/api/contacts/" + contact.id()).with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participations.length()").value(2));
        mvc.perform(get("/api/contacts/" + contact.id()).with(cityUser("oulu", "staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/contacts/" + contact.id()).with(integrator("hyvinkaa", "projects:read")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("role-needed"));
        mvc.perform(get("/api/contacts/" + contact.id())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/contacts").with(cityUser("hyvinkaa", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/contacts").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    /**
     * A poll's new people are written together: one insert of them all, one write of their word index entries, one of
     * their audit lines, one of their personal data keys, whatever their number; a second registration of a new address goes to the same new person,
     * and a known person is saved as before, their entries with them.
     */
    @Test
    void aPollsNewPeopleAreInsertedTogetherWithTheirWordsAndAuditLines() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String known = "tunnettu." + run + "@example.org";
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        contacts.registrationChanged(participation("r-k0-" + run, known, "Tuula"), at);
        List<String> newcomers = List.of("aino." + run + "@example.org", "bertta." + run + "@example.org",
                "cecilia." + run + "@example.org");
        storeCommands.clear();

        contacts.registrationsChanged(List.of(participation("r-a-" + run, newcomers.get(0), "Aino"),
                participation("r-b-" + run, newcomers.get(1), "Bertta"), participation("r-k1-" + run, known, "Tuula"),
                participation("r-c-" + run, newcomers.get(0), "Aino"), participation("r-d-" + run, newcomers.get(2), "Cecilia")),
                List.of(at, at, at, at.plusSeconds(1), at));

        List<String> ours = storeCommands.stream().filter(command -> command.contains(run)).toList();
        assertThat(ours).filteredOn(command -> command.startsWith("insert contacts "))
                .as("the three new people in one insert").singleElement().asString()
                .contains(newcomers.get(0), newcomers.get(1), newcomers.get(2));
        Map<String, Contact> people = new java.util.HashMap<>();
        for (String email : newcomers) {
            List<Contact> found = mongo.find(new Query(Criteria.where("email").is(email)), Contact.class);
            assertThat(found).as(email).hasSize(1);
            people.put(email, found.get(0));
        }
        Contact aino = people.get(newcomers.get(0));
        assertThat(history.of(aino.id())).extracting(Participation::registrationId)
                .containsExactlyInAnyOrder("r-a-" + run, "r-c-" + run);
        Contact tuula = mongo.findOne(new Query(Criteria.where("email").is(known)), Contact.class);
        assertThat(history.of(tuula.id())).extracting(Participation::registrationId)
                .containsExactlyInAnyOrder("r-k0-" + run, "r-k1-" + run);

        List<String> ids = people.values().stream().map(Contact::id).toList();
        List<String> creations = mongo.find(new Query(Criteria.where("contactId").in(ids).and("action").is("created")),
                ContactAudit.Entry.class).stream().map(line -> String.valueOf(line.details().get("registrationId"))).toList();
        assertThat(creations).containsExactlyInAnyOrder("r-a-" + run, "r-b-" + run, "r-d-" + run);
        assertThat(storeCommands).filteredOn(command -> command.startsWith("insert contact_audit ")
                && ids.stream().allMatch(command::contains)).as("their audit lines in one insert").hasSize(1);
        for (Contact person : people.values()) {
            assertThat(mongo.count(new Query(Criteria.where("c").is(person.id())), ContactWords.COLLECTION))
                    .as("word index entries of " + person.email()).isPositive();
        }
        assertThat(mongo.count(new Query(Criteria.where("c").is(tuula.id())), ContactWords.COLLECTION)).isPositive();
        assertThat(storeCommands).filteredOn(command -> command.startsWith("update contact_words ")
                && ids.stream().allMatch(command::contains)).as("the word index of the three new people in one write")
                .hasSize(1);
        assertThat(storeCommands).filteredOn(command -> command.contains(" data_subject_keys ")
                && ids.stream().anyMatch(command::contains)).as("the keys of the three new people: one insert of them all")
                .singleElement().asString().startsWith("insert data_subject_keys ")
                .contains(ids.stream().map(id -> "contact:" + id).toList());
    }

    /**
     * Someone else (another replica, staff) makes one of the poll's new people between the poll's read and its insert:
     * the insert fails on the address, the people it wrote before failing keep their audit line, and every new
     * person's registration is applied again one by one: nobody is made twice, nobody is missing.
     */
    @Test
    void aNewPersonMadeMeanwhileBySomeoneElseIsFoundAndNobodyIsMadeTwice() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = List.of("aino." + run + "@example.org", "rami." + run + "@example.org",
                "cecilia." + run + "@example.org");
        String theirs = "made-meanwhile-" + run;
        madeMeanwhile.put(emails.get(1), new org.bson.Document("_id", theirs).append("email", emails.get(1))
                .append("firstName", "Rami").append("lastName", "Kilpa").append("language", "fi").append("version", 0L));
        Instant at = Instant.parse("2026-11-26T09:00:00Z");
        java.util.Set<String> keysBefore = contactKeys();

        contacts.registrationsChanged(List.of(participation("r-a-" + run, emails.get(0), "Aino"),
                participation("r-r-" + run, emails.get(1), "Rami"), participation("r-c-" + run, emails.get(2), "Cecilia")),
                List.of(at, at, at));

        java.util.Set<String> keysMade = contactKeys();
        keysMade.removeAll(keysBefore);
        assertThat(keysMade).as("a key made for a record that was not written is not kept").isNotEmpty()
                .allSatisfy(key -> assertThat(mongo.findById(key.substring("contact:".length()), Contact.class)).as(key).isNotNull());

        assertThat(madeMeanwhile).as("the other maker ran").doesNotContainKey(emails.get(1));
        Map<String, Contact> people = new java.util.HashMap<>();
        for (String email : emails) {
            List<Contact> found = mongo.find(new Query(Criteria.where("email").is(email)), Contact.class);
            assertThat(found).as(email).hasSize(1);
            people.put(email, found.get(0));
        }
        assertThat(people.get(emails.get(1)).id()).isEqualTo(theirs);
        for (int i = 0; i < emails.size(); i++) {
            Contact person = people.get(emails.get(i));
            assertThat(history.of(person.id())).extracting(Participation::registrationId).as(person.email())
                    .containsExactly(List.of("r-a-", "r-r-", "r-c-").get(i) + run);
            assertThat(mongo.count(new Query(Criteria.where("c").is(person.id())), ContactWords.COLLECTION))
                    .as("word index entries of " + person.email()).isPositive();
        }
        List<String> ids = people.values().stream().map(Contact::id).toList();
        List<String> creations = mongo.find(new Query(Criteria.where("contactId").in(ids).and("action").is("created")),
                ContactAudit.Entry.class).stream().map(line -> line.contactId() + " " + line.details().get("registrationId")).toList();
        assertThat(creations).as("once each for the two made here, none for the one made meanwhile").containsExactlyInAnyOrder(
                people.get(emails.get(0)).id() + " r-a-" + run, people.get(emails.get(2)).id() + " r-c-" + run);
    }

    @Autowired
    com.mongodb.client.MongoClient client;

    /** The ids of the contact records' keys in the key store. */
    java.util.Set<String> contactKeys() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        client.getDatabase(platform.privacy().keyDatabase()).getCollection("data_subject_keys")
                .find(com.mongodb.client.model.Filters.regex("_id", "^contact:")).projection(new org.bson.Document("_id", 1))
                .forEach(key -> ids.add(key.getString("_id")));
        return ids;
    }

    @Autowired
    fi.ecosystem.platform.PlatformProperties platform;

    static RegistrationChanged participation(String registrationId, String email, String firstName) {
        return new RegistrationChanged(registrationId, "e-1", "hri", "CONFIRMED", null,
                new RegistrationChanged.Participant(email, firstName, "Esimerkki", null, null, "fi"), null, null, List.of(), null);
    }

    /** Every command the service sends to the store: its name, collection and whole text. */
    static final List<String> storeCommands = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** People someone else stores, by address, just before the service converts its new person of that address. */
    static final Map<String, org.bson.Document> madeMeanwhile = new java.util.concurrent.ConcurrentHashMap<>();

    @org.springframework.boot.test.context.TestConfiguration
    static class WatchedStore {
        @org.springframework.context.annotation.Bean
        org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback<Contact> someoneElseFirst(
                org.springframework.beans.factory.ObjectProvider<MongoTemplate> store) {
            return (contact, collection) -> {
                org.bson.Document theirs = contact.email() == null ? null : madeMeanwhile.remove(contact.email());
                if (theirs != null) {
                    store.getObject().getCollection("contacts").insertOne(theirs);
                }
                return contact;
            };
        }

        @org.springframework.context.annotation.Bean
        org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer watchCommands() {
            return fi.ecosystem.platform.testing.WatchedStore.watching(
                    started -> storeCommands.add(fi.ecosystem.platform.testing.WatchedStore.describe(started)));
        }
    }

    @Test
    void peopleOfOneCompanyAcrossTwoProjectsAreLinkedToOneOrganisationFoundByItsBusinessId() throws Exception {
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "kasvu", "Kasvun ekosysteemit", List.of("helsinki"));
        String first = UUID.randomUUID().toString();
        String redelivered = registration(first, "r-biz-1", "registration.confirmed", "yritys.yksi@example.org")
                .replace("\"organisationName\"", "\"businessId\": \"2331972-7\", \"organisationName\"");
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-biz-1", redelivered);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-biz-1", redelivered);
        String second = UUID.randomUUID().toString();
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-biz-2",
                registration(second, "r-biz-2", "registration.confirmed", "yritys.kaksi@example.org")
                        .replace("\"projectId\": \"hri\"", "\"projectId\": \"kasvu\"")
                        .replace("\"organisationName\": \"Esimerkki Oy\"",
                                "\"businessId\": \"2331972-7\", \"organisationName\": \"Esimerkki Oyj\""));
        String without = UUID.randomUUID().toString();
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-biz-3",
                registration(without, "r-biz-3", "registration.confirmed", "ei.tunnusta@example.org"));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled(first) && handled(second) && handled(without));
        Query byBusinessId = new Query(Criteria.where("businessId").is("2331972-7"));
        assertThat(mongo.count(byBusinessId, Organisation.class)).isEqualTo(1);
        Organisation company = mongo.findOne(byBusinessId, Organisation.class);
        assertThat(company.name().in("fi")).isEqualTo("Esimerkki Oy");
        assertThat(company.projectIds()).containsExactlyInAnyOrder("hri", "kasvu");
        for (String email : List.of("yritys.yksi@example.org", "yritys.kaksi@example.org")) {
            Contact person = mongo.findOne(new Query(Criteria.where("email").is(email)), Contact.class);
            assertThat(person.organisationId()).as(email).isEqualTo(company.id());
        }
        Contact withoutId = mongo.findOne(new Query(Criteria.where("email").is("ei.tunnusta@example.org")), Contact.class);
        assertThat(withoutId.organisationName()).isEqualTo("Esimerkki Oy");
        assertThat(withoutId.organisationId()).isNull();
    }

    @Test
    void consentsTickedOnTheRegistrationFormAreRecordedOnce() throws Exception {
        String event = registration(UUID.randomUUID().toString(), "r-consent", "registration.confirmed", "suostuu@example.org")
                .replace("\"language\": \"fi\"}}", "\"language\": \"fi\"}, \"consents\": [{\"purpose\": \"NEWSLETTER\","
                        + " \"policyVersion\": \"2026-01\", \"policyUrl\": \"https://ecosystem.example.org/privacy\","
                        + " \"givenAt\": \"2026-11-20T09:00:00Z\"}, {\"purpose\": \"HOROSCOPE\", \"policyVersion\": \"1\"}]}");
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-consent", event);
        String attendedId = UUID.randomUUID().toString();
        String attended = registration(attendedId, "r-consent", "registration.attended", "suostuu@example.org")
                .replace("\"language\": \"fi\"}}", "\"language\": \"fi\"}, \"consents\": [{\"purpose\": \"NEWSLETTER\","
                        + " \"policyVersion\": \"2026-01\", \"givenAt\": \"2026-11-20T09:00:00Z\"}]}");
        TopicProbe.send(kafka.getBrokersAsString(), Topics.REGISTRATIONS, "r-consent", attended);

        Query byEmail = new Query(Criteria.where("email").is("suostuu@example.org"));
        // the attendance comes after the confirmation on the one partition: once it is handled, both were
        await().atMost(Duration.ofSeconds(20)).until(() -> handled(attendedId));
        Contact contact = mongo.findOne(byEmail, Contact.class);
        assertThat(history.of(contact.id())).extracting(Participation::registrationId).containsExactly("r-consent");
        assertThat(contact.consents()).singleElement().satisfies(consent -> {
            assertThat(consent.purpose()).isEqualTo(ConsentPurpose.NEWSLETTER);
            assertThat(consent.source()).isEqualTo(ConsentSource.FORM);
            assertThat(consent.legalBasis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(consent.textVersion()).isEqualTo("2026-01");
        });
    }
}
