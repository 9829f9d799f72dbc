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
import java.time.Duration;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
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
 * Events and registrations against the embedded store and KRaft broker: the project read model fed from
 * the projects topic decides access; places are never overbooked, even by parallel requests.
 */
class RegistrationApiTest extends EventsApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;

    /** A crash between the server's taking a poll's mails and their markers sends at most one connection's mails again. */
    @Test
    void theMailListenerTakesAtMostOneConnectionsMailsPerPoll() {
        assertThat(listeners.getListenerContainers()).filteredOn(container -> "events-service.mail".equals(container.getGroupId()))
                .singleElement().satisfies(container -> assertThat(container.getContainerProperties().getKafkaConsumerProperties())
                        .containsEntry("max.poll.records", String.valueOf(fi.ecosystem.events.registration.mail.RegistrationMails
                                .MAILS_PER_CONNECTION)));
    }

    @Test
    void placesAreConfirmedUntilFullThenWaitlistedAndARepeatReturnsTheExistingOne() throws Exception {
        String event = draft(2);
        var organiser = cityUser("helsinki", "staff", "event-organiser");

        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person("a@example.org")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person("b@example.org")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person("c@example.org")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITLISTED"));
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person("A@Example.org")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));

        mvc.perform(get("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff")))
                .andExpect(jsonPath("$.totalItems").value(3));
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(kafka.getBrokersAsString(),
                Topics.REGISTRATIONS, record -> record.value().contains(emailHash.of("c@example.org")),
                Duration.ofSeconds(20)); // the address itself travels sealed: its hash names the key
        assertThat(records.stream().map(ConsumerRecord::value).filter(v -> v.contains("registration.confirmed")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat((String) JsonPath.read(records.get(records.size() - 1).value(), "$.type")).isEqualTo("registration.waitlisted");
    }

    @Test
    void parallelRegistrationsForTheLastPlacesNeverOverbook() throws Exception {
        String event = draft(5);
        var organiser = cityUser("espoo", "staff", "event-organiser");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = "person" + i + "@example.org";
            attempts.add(() -> mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                    .contentType(MediaType.APPLICATION_JSON).content(person(email))).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201);
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event).and("status").is("CONFIRMED")), Registration.class))
                .isEqualTo(5);
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event).and("status").is("WAITLISTED")), Registration.class))
                .isEqualTo(35);
        assertThat(mongo.findById(event, Event.class).confirmedCount()).isEqualTo(5);
    }

    @Test
    void theAccessRuleHoldsForCreatingEventsAndRegistering() throws Exception {
        String event = draft(10);
        String draftOther = "{\"projectId\": \"" + PROJECT + "\", \"type\": \"WEBINAR\", \"title\": {\"fi\": \"X\"}, \"capacity\": 5}";

        mvc.perform(post("/api/events").with(cityUser("oulu", "staff", "event-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content(draftOther)).andExpect(status().isNotFound());
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff"))
                .contentType(MediaType.APPLICATION_JSON).content(draftOther)).andExpect(status().isForbidden());
        mvc.perform(post("/api/events").contentType(MediaType.APPLICATION_JSON).content(draftOther))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/events").with(integrator("helsinki", "events:read"))
                .contentType(MediaType.APPLICATION_JSON).content(draftOther)).andExpect(status().isForbidden());
        mvc.perform(post("/api/events").with(integrator("helsinki", "events:write"))
                .contentType(MediaType.APPLICATION_JSON).content(draftOther)).andExpect(status().isCreated());

        String register = "/api/events/" + event + "/registrations";
        mvc.perform(post(register).with(cityUser("oulu", "staff", "event-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content(person("x@example.org"))).andExpect(status().isNotFound());
        mvc.perform(post(register).with(cityUser("helsinki", "staff"))
                .contentType(MediaType.APPLICATION_JSON).content(person("x@example.org"))).andExpect(status().isForbidden());
        mvc.perform(post(register).contentType(MediaType.APPLICATION_JSON).content(person("x@example.org")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/events/" + event).with(cityUser("oulu", "staff"))).andExpect(status().isNotFound());
        assertThat(mongo.count(new Query(), Registration.class)).isZero();
    }

    @Test
    void badRegistrationsAreProblemsAndStoreNothing() throws Exception {
        String event = draft(10);
        var organiser = cityUser("espoo", "staff", "event-organiser");
        String register = "/api/events/" + event + "/registrations";

        mvc.perform(post(register).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"not-an-address\", \"firstName\": \"\", \"lastName\": \"M\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(post(register).with(organiser).contentType(MediaType.APPLICATION_JSON).content("[1, 2"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(register).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content(person("a@example.org").replace("\"language\": \"fi\"", "\"language\": \"de\"")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": \"" + PROJECT + "\", \"type\": \"PARTY\", \"title\": {\"fi\": \"X\"}, \"capacity\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("type"));
        assertThat(mongo.count(new Query(), Registration.class)).isZero();
        assertThat(mongo.findById(event, Event.class).confirmedCount()).isZero();
    }

    @Test
    void aCancellationPromotesTheFirstOnTheWaitingListAndTheEventsSaySo() throws Exception {
        String event = draft(1);
        var organiser = cityUser("espoo", "staff", "event-organiser");
        String first = JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content(person("first@example.org")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String second = JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content(person("second@example.org")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content(person("third@example.org")));

        mvc.perform(post("/api/events/" + event + "/registrations/" + first + "/cancel").with(organiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        // the place may be given by the handling of the event's own change a moment after the answer (awaitStatus)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(mongo.findById(second, Registration.class).status()).isEqualTo(RegistrationStatus.CONFIRMED));
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event).and("status").is("WAITLISTED")), Registration.class)).isEqualTo(1);
        assertThat(mongo.findById(event, Event.class).confirmedCount()).isEqualTo(1);
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> second.equals(record.key()) && record.value().contains("registration.promoted"), Duration.ofSeconds(20));
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> first.equals(record.key()) && record.value().contains("registration.cancelled"), Duration.ofSeconds(20));
        mvc.perform(post("/api/events/" + event + "/registrations/" + first + "/cancel").with(cityUser("oulu", "staff", "event-organiser")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/events/" + event + "/registrations/" + first + "/cancel").with(cityUser("espoo", "staff")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theWaitingListOrderHoldsAcrossSeveralCancellations() throws Exception {
        String event = publish(draft(2));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(selfRegister(event, "p" + i + "@example.org"));
        }
        mvc.perform(get("/public/registrations/" + tokens.get(4))).andExpect(jsonPath("$.waitingListPosition").value(3));

        mvc.perform(delete("/public/registrations/" + tokens.get(0))).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(delete("/public/registrations/" + tokens.get(3))).andExpect(jsonPath("$.status").value("CANCELLED")); // leaves the list

        awaitStatus(tokens.get(2), "CONFIRMED");
        mvc.perform(get("/public/registrations/" + tokens.get(4))).andExpect(jsonPath("$.status").value("WAITLISTED"))
                .andExpect(jsonPath("$.waitingListPosition").value(1));
        mvc.perform(delete("/public/registrations/" + tokens.get(1))).andExpect(jsonPath("$.status").value("CANCELLED"));
        awaitStatus(tokens.get(4), "CONFIRMED");
        assertThat(mongo.findById(event, Event.class).confirmedCount()).isEqualTo(2);
    }

    /**
     * The freed place goes to the first waiting at once, but not always by the cancellation's own request: every
     * handling of the event's own change (made, published: the events topic) fills free places too, and when one runs
     * during a cancellation it may take the place first and move the person a moment after the cancellation answered
     * (as {@code WaitingListOffersTest.statusOnceMoved} waits for).
     */
    private void awaitStatus(String token, String status) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/public/registrations/" + token))
                .andExpect(jsonPath("$.status").value(status)));
    }

    @Test
    void thePublicRegistersOnlyForPublishedEventsAndBotsAreIgnored() throws Exception {
        String draftEvent = draft(5);
        mvc.perform(post("/public/events/" + draftEvent + "/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(person("early@example.org"))).andExpect(status().isNotFound());
        String event = publish(draftEvent);

        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(person("bot@example.org").replace("}", ", \"website\": \"http://spam.example\"}")))
                .andExpect(status().isAccepted());
        String token = selfRegister(event, "human@example.org");
        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(person("Human@example.org")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.message").exists())
                .andExpect(jsonPath("$.privateToken").doesNotExist());

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), Registration.class)).isEqualTo(1);
        mvc.perform(get("/public/registrations/not-a-real-token")).andExpect(status().isNotFound());
        mvc.perform(get("/public/events")).andExpect(jsonPath("$.items[?(@.id == '" + event + "')].placesLeft").value(4));
    }

    static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The text of a mail as the reader sees it (decoded; the first part of a mail with attachments). */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            while (content instanceof MimeMultipart parts) {
                content = parts.getBodyPart(0).getContent();
            }
            return String.valueOf(content);
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mailsGoOutInTheRegistrantsLanguageWithTheEventAsACalendar() throws Exception {
        String event = publish(draft(1));
        selfRegister(event, "aino.mail@example.org");
        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(person("sven.mail@example.org").replace("\"language\": \"fi\"", "\"language\": \"sv\"")))
                .andExpect(status().isAccepted());
        assertThat(mongo.findOne(new Query(Criteria.where("email").is("sven.mail@example.org")), Registration.class).status())
                .isEqualTo(RegistrationStatus.WAITLISTED);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("aino.mail@example.org").size() == 1
                && mailsTo("sven.mail@example.org").size() == 1);
        MimeMessage confirmed = mailsTo("aino.mail@example.org").get(0);
        assertThat(confirmed.getSubject()).isEqualTo("Ilmoittautumisesi on vahvistettu: Boost your Business");
        MimeMultipart parts = (MimeMultipart) confirmed.getContent();
        String all = GreenMailUtil.getWholeMessage(confirmed);
        assertThat(all).contains("text/calendar");
        String ics = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                ics = new String(parts.getBodyPart(i).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20271201T080000Z\r\n",
                "DTEND:20271201T120000Z\r\n", "SUMMARY:Boost your Business\r\n", "UID:" + event + "-main@").endsWith("END:VCALENDAR\r\n");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("1.12.2027 klo 10.00", "/events/registrations/");
        assertThat(mailsTo("sven.mail@example.org").get(0).getSubject()).isEqualTo("Du står på väntelistan: Boost your Business");

        // the confirmed participant cancels with her private link: Sven is promoted and told so in Swedish
        Registration aino = mongo.findOne(new Query(Criteria.where("email").is("aino.mail@example.org")), Registration.class);
        mvc.perform(delete("/public/registrations/" + aino.privateToken())).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("sven.mail@example.org").size() == 2
                && mailsTo("aino.mail@example.org").size() == 2);
        assertThat(mailsTo("sven.mail@example.org")).extracting(MimeMessage::getSubject)
                .contains("Du fick en plats från väntelistan: Boost your Business");
        assertThat(mailsTo("aino.mail@example.org")).extracting(MimeMessage::getSubject)
                .contains("Ilmoittautumisesi on peruttu: Boost your Business");
        assertThat(text(mailsTo("sven.mail@example.org").get(0)))
                .contains("/events/registrations/" + tokenOf(event, "sven.mail@example.org"));
    }

    @Test
    void publishedEventsAreAnICalendarFeed() throws Exception {
        String event = publish(draft(3));

        String feed = mvc.perform(get("/public/events.ics?lang=en")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();

        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + event + "-main@ecosystem.example.org\r\n", "METHOD:PUBLISH");
        mvc.perform(get("/public/events.ics?lang=de")).andExpect(status().isBadRequest());
    }

    @Test
    void thePublicRegistersOnlyWithinTheRegistrationWindow() throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "SEMINAR", "title": {"fi": "Seminaari"}, "capacity": 10,
                                 "startsAt": "2027-03-01T08:00:00Z", "registrationOpensAt": "2027-01-01T08:00:00Z"}
                                """.formatted(PROJECT)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registrationOpensAt").value("2027-01-01T08:00:00Z"))
                .andReturn().getResponse().getContentAsString();
        String event = publish(JsonPath.read(body, "$.id"));

        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(person("too.early@example.org")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("registration-not-open"));
        mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content(person("invited@example.org"))).andExpect(status().isCreated());
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": \"" + PROJECT + "\", \"type\": \"SEMINAR\", \"title\": {\"fi\": \"X\"}, \"capacity\": 5,"
                                + " \"registrationOpensAt\": \"2027-01-02T00:00:00Z\", \"registrationClosesAt\": \"2027-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("registrationClosesAt"));
    }

    @Test
    void organisersCheckPeopleInAndDownloadTheList() throws Exception {
        String event = draft(1);
        var organiser = cityUser("espoo", "staff", "event-organiser");
        String confirmed = JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content(person("here@example.org"))).andReturn().getResponse().getContentAsString(), "$.id");
        String waitlisted = JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content(person("=cmd@example.org"))).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(post("/api/events/" + event + "/registrations/" + confirmed + "/attendance").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attended\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ATTENDED"));
        mvc.perform(post("/api/events/" + event + "/registrations/" + waitlisted + "/attendance").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attended\": true}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-place"));
        mvc.perform(post("/api/events/" + event + "/registrations/" + confirmed + "/attendance").with(cityUser("oulu", "staff", "event-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"attended\": false}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/events/" + event + "/registrations/" + confirmed + "/attendance").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> confirmed.equals(record.key()) && record.value().contains("registration.attended"), Duration.ofSeconds(20));

        String csv = new String(mvc.perform(get("/api/events/" + event + "/registrations/export.csv").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFTila;Etunimi;Sukunimi;Sähköposti").contains("Osallistui;Maija;Meikäläinen;here@example.org",
                "Jonossa;Maija;Meikäläinen;'=cmd@example.org");
        byte[] xlsx = mvc.perform(get("/api/events/" + event + "/registrations/export.xlsx").with(organiser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> sheet = rows(xlsx);
        assertThat(sheet.get(0)).startsWith("Tila", "Etunimi", "Sukunimi", "Sähköposti", "Organisaatio", "Kieli",
                "Ilmoittautui", "Ilmoittaja").endsWith("Suoritti ohjelman");
        assertThat(sheet).hasSize(3);
        List<String> header = sheet.get(0);
        int session = header.indexOf("Läsnä: Boost your Business 1.12.2027 klo 10.00");
        assertThat(session).as("the event's one session, by its title and Helsinki time").isPositive();
        List<String> attended = sheet.get(1);
        List<String> onTheList = sheet.get(2);
        assertThat(attended.subList(0, 4)).containsExactly("Osallistui", "Maija", "Meikäläinen", "here@example.org");
        assertThat(attended.get(header.indexOf("Ilmoittaja"))).isEqualTo("järjestäjä");
        assertThat(attended.get(session)).isEqualTo("kyllä");
        assertThat(onTheList.get(0)).isEqualTo("Jonossa");
        assertThat(onTheList.get(3)).as("a text cell, never a formula").endsWith("=cmd@example.org");
        assertThat(onTheList.get(session)).isEqualTo("ei");
        assertThat(onTheList.get(header.indexOf("Suoritti ohjelman"))).isEqualTo("ei");
        mvc.perform(get("/api/events/" + event + "/registrations/export.csv").with(cityUser("oulu", "staff"))).andExpect(status().isNotFound());
    }

    @Test
    void anErasedPersonsRegistrationsKeepTheirPlaceButNotTheirName() throws Exception {
        String event = publish(draft(5));
        String token = selfRegister(event, "Forget.Me@example.org");
        String erased = """
                {"id": "%s", "type": "contact.erased", "version": 2,
                 "data": {"contactId": "c-1", "emailHash": "%s"}}
                """.formatted(java.util.UUID.randomUUID(), emailHash.of("forget.me@example.org "));

        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, "c-1", erased);
        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, "c-1", erased);

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findOne(
                new Query(Criteria.where("privateToken").is(token)), Registration.class).firstName().equals("–"));
        Registration registration = mongo.findOne(new Query(Criteria.where("privateToken").is(token)), Registration.class);
        assertThat(registration.email()).doesNotContain("forget");
        assertThat(registration.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mongo.findById(event, Event.class).confirmedCount()).isEqualTo(1);
        assertThat(mongo.count(new Query(Criteria.where("email").regex("forget")), Registration.class)).isZero();
    }

    /** The first sheet of a workbook as text, row by row, opened with Apache POI (not the library that wrote it). */
    static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < row.getLastCellNum(); column++) {
                    Cell cell = row.getCell(column);
                    assertThat(cell == null || cell.getCellType() != CellType.FORMULA)
                            .as("no formulas in an export").isTrue();
                    cells.add(cell == null ? "" : text.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
