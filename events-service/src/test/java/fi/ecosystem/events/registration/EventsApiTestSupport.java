package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import fi.ecosystem.platform.testing.TopicProbe;
import fi.ecosystem.platform.testing.WatchedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The context of the events API tests: the embedded store, a KRaft broker and a GreenMail server; a project
 * of Helsinki and Espoo known from the projects topic; helpers to make events and registrations.
 */
// the offers' deadline job and the waiting sizes' round run when a test says (as two replicas would), not on its own timer
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ecosystem.events.offers.first=PT1H", "ecosystem.events.waiting-sizes.first=PT1H"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@org.springframework.context.annotation.Import(EventsApiTestSupport.StoreCommands.class)
public abstract class EventsApiTestSupport {

    /** The commands the service sends to the store while a test records them: name, collection and the whole text. */
    static final class StoreCommands {

        private static volatile List<String> recording;

        /** Runs {@code action} and returns the commands it sent. */
        static List<String> during(Callable<?> action) throws Exception {
            List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
            recording = commands;
            try {
                action.call();
            } finally {
                recording = null;
            }
            return commands;
        }

        @org.springframework.context.annotation.Bean
        org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer recordCommands() {
            return WatchedStore.watching(started -> {
                List<String> commands = recording;
                if (commands != null) {
                    commands.add(WatchedStore.describe(started));
                }
            });
        }
    }

    static final String PROJECT = "kasvun-ekosysteemit";

    /** One SMTP server for the cached context all these test classes share (an extension would stop it after each class). */
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "events-api-test");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected EmbeddedKafkaBroker kafka;
    /** The keyed hash of addresses, with the platform's (local) hash key: key ids and erasure events use it. */
    @Autowired
    protected fi.ecosystem.contracts.EmailHash emailHash;

    @BeforeEach
    void projectKnownFromTheProjectsTopic() {
        mongo.dropCollection(Event.class);
        mongo.dropCollection(Registration.class);
        mongo.indexOps(Registration.class).createIndex(new org.springframework.data.mongodb.core.index.CompoundIndexDefinition(
                new org.bson.Document("eventId", 1).append("email", 1)).unique());
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, PROJECT, "Kasvun ekosysteemit", List.of("helsinki", "espoo"));
    }

    RegistrationStatus statusOf(String registration) {
        return mongo.findById(registration, Registration.class).status();
    }

    /** The event's counter of places taken (confirmed and open offers), as stored. */
    int placesTaken(String event) {
        return mongo.findById(event, Event.class).confirmedCount();
    }

    String draft(int capacity) throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Boost your Business"},
                                 "capacity": %d, "startsAt": "2027-12-01T08:00:00Z", "endsAt": "2027-12-01T12:00:00Z"}
                                """.formatted(PROJECT, capacity)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisingCity").value("espoo"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    static String person(String email) {
        return "{\"email\": \"" + email + "\", \"firstName\": \"Maija\", \"lastName\": \"Meikäläinen\", \"language\": \"fi\"}";
    }

    String publish(String event) throws Exception {
        mvc.perform(post("/api/events/" + event + "/publish").with(cityUser("espoo", "staff", "event-organiser")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        return event;
    }

    /** Registers on the public form and returns the private token, which only the registrant's mailbox gets. */
    String selfRegister(String event, String email) throws Exception {
        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(person(email)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.privateToken").doesNotExist());
        return tokenOf(event, email);
    }

    String tokenOf(String event, String email) {
        return mongo.findOne(new Query(Criteria.where("eventId").is(event).and("email").is(email.toLowerCase())),
                Registration.class).privateToken();
    }
}
