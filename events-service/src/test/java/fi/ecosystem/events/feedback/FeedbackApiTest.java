package fi.ecosystem.events.feedback;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import fi.ecosystem.platform.testing.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The survey after an event: sent once to each attendee (checked in) even with two replicas' jobs at once, answered
 * once through the mailed link, read by the organiser's cities (average, answer rate), exported with the person and
 * its text erased with them.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        // the test runs the job itself, at the moment it chooses
        "ecosystem.events.feedback.first=PT1H"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class FeedbackApiTest {

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Pattern LINK = Pattern.compile("/events/feedback/([A-Za-z0-9_-]{43})");
    static final Instant ENDED = Instant.parse("2026-03-02T10:00:00Z");

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "events-feedback-test");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    EmailHash emailHash;
    @Autowired
    FeedbackInvitations invitations;
    @Autowired
    FeedbackMails mails;

    final RequestPostProcessor organiser = cityUser("espoo", "staff", "event-organiser");
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void clean() throws Exception {
        mongo.remove(new Query(), FeedbackInvitation.class);
        mongo.remove(new Query(), "feedbackRounds");
        mongo.remove(new Query(), "events");
        smtp.purgeEmailFromAllMailboxes();
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "growth", "Kasvun ekosysteemit", List.of("helsinki", "espoo"));
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "north", "Pohjoinen", List.of("oulu"));
    }

    record Ended(String event, String maija, String sven) {
    }

    /** A published event that ended at {@link #ENDED}: Maija (fi) and Sven (sv) checked in, Pekka did not come. */
    Ended endedEvent() throws Exception {
        String body = mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId": "growth", "type": "SEMINAR", "capacity": 10,
                         "title": {"fi": "Kasvuseminaari", "sv": "Tillväxtseminarium", "en": "Growth seminar"},
                         "startsAt": "2026-03-02T07:00:00Z", "endsAt": "2026-03-02T10:00:00Z"}
                        """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String event = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/events/" + event + "/publish").with(organiser)).andExpect(status().isOk());
        String maija = register(event, "maija." + run + "@example.org", "Maija", "fi");
        String sven = register(event, "sven." + run + "@example.org", "Sven", "sv");
        register(event, "pekka." + run + "@example.org", "Pekka", "fi");
        for (String attendee : List.of(maija, sven)) {
            mvc.perform(post("/api/events/" + event + "/registrations/" + attendee + "/attendance").with(organiser)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"attended\": true}"))
                    .andExpect(status().isOk());
        }
        return new Ended(event, maija, sven);
    }

    String register(String event, String email, String firstName, String language) throws Exception {
        String body = mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"email": "%s", "firstName": "%s", "lastName": "Esimerkki", "language": "%s"}
                                """.formatted(email, firstName, language)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** The surveys mailed so far (the registrations' confirmations go to the same server, asynchronously). */
    static List<MimeMessage> surveys() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> LINK.matcher(text(message)).find())
                .toList();
    }

    /** The survey link's token in the mail to this address (the only place it exists). */
    String tokenMailedTo(String email) {
        MimeMessage mail = surveys().stream()
                .filter(message -> GreenMailUtil.getAddressList(recipients(message)).contains(email)).findFirst().orElseThrow();
        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).as("the mail has the survey link").isTrue();
        return link.group(1);
    }

    /** The decoded text (the raw body is quoted-printable, its long lines broken). */
    static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoReplicasJobsInviteEachAttendeeOnceAndNobodyElse() throws Exception {
        Ended ended = endedEvent();
        FeedbackInvitations otherReplica = new FeedbackInvitations(mongo, mails, Duration.ofDays(30), Duration.ofMinutes(10),
                Duration.ofDays(2));
        assertThat(invitations.invite(ENDED.minusSeconds(60))).as("not before the event ended").isZero();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> runs = List.of(() -> invitations.invite(ENDED.plusSeconds(60)),
                () -> otherReplica.invite(ENDED.plusSeconds(60)));
        int sent = 0;
        for (Future<Integer> result : pool.invokeAll(runs)) {
            sent += result.get();
        }
        pool.shutdown();
        sent += invitations.invite(ENDED.plusSeconds(3600)) + otherReplica.invite(ENDED.plusSeconds(3600));

        assertThat(sent).isEqualTo(2);
        assertThat(surveys()).hasSize(2);
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(ended.event())), FeedbackInvitation.class)).isEqualTo(2);
        List<String> to = new ArrayList<>();
        for (MimeMessage message : surveys()) {
            to.add(GreenMailUtil.getAddressList(message.getAllRecipients()));
        }
        assertThat(to).containsExactlyInAnyOrder("maija." + run + "@example.org", "sven." + run + "@example.org")
                .noneMatch(address -> address.contains("pekka"));
        MimeMessage toSven = surveys().stream()
                .filter(message -> GreenMailUtil.getAddressList(recipients(message)).startsWith("sven")).findFirst().orElseThrow();
        assertThat(toSven.getSubject()).isEqualTo("Hur lyckades vi? Tillväxtseminarium");
        assertThat(mongo.findAll(org.bson.Document.class, "feedbackInvitations").toString())
                .as("only the token's hash is stored").doesNotContain(tokenMailedTo("sven." + run + "@example.org"));

        // a correction after the end: Pekka was there after all, and is asked on the next run (only he)
        String pekka = mongo.findOne(new Query(Criteria.where("eventId").is(ended.event()).and("firstName").is("Pekka")),
                org.bson.Document.class, "registrations").getString("_id");
        mvc.perform(post("/api/events/" + ended.event() + "/registrations/" + pekka + "/attendance").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attended\": true}"))
                .andExpect(status().isOk());
        assertThat(otherReplica.invite(ENDED.plusSeconds(7200))).isEqualTo(1);
        assertThat(invitations.invite(ENDED.plus(Duration.ofDays(3))) + otherReplica.invite(ENDED.plus(Duration.ofDays(3))))
                .isZero();
        assertThat(surveys()).hasSize(3);
        // the round done after the grace: nobody is looked for again
        mongo.remove(new Query(Criteria.where("registrationId").is(pekka)), FeedbackInvitation.class);
        assertThat(invitations.invite(ENDED.plus(Duration.ofDays(4)))).isZero();
    }

    @Test
    void anAttendeeAnswersOnceAndTheOrganisersCitiesSeeTheFigures() throws Exception {
        Ended ended = endedEvent();
        assertThat(invitations.invite(ENDED.plusSeconds(60))).isEqualTo(2);
        String maija = tokenMailedTo("maija." + run + "@example.org");

        mvc.perform(get("/public/feedback/" + maija)).andExpect(status().isOk())
                .andExpect(jsonPath("$.eventTitle.fi").value("Kasvuseminaari"))
                .andExpect(jsonPath("$.language").value("fi"))
                .andExpect(jsonPath("$.answered").value(false));
        // bad input: coded problems the web translates
        mvc.perform(post("/public/feedback/" + maija).contentType(MediaType.APPLICATION_JSON).content("{\"score\": 11}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("score"))
                .andExpect(jsonPath("$.errors[0].code").value("Max"));
        mvc.perform(post("/public/feedback/" + maija).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\": 5, \"text\": \"" + "a".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("Size"));
        mvc.perform(post("/public/feedback/" + maija).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\": 9, \"text\": \"Hyvät puhujat\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/public/feedback/" + maija).contentType(MediaType.APPLICATION_JSON).content("{\"score\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("feedback-answered"));
        mvc.perform(get("/public/feedback/" + maija)).andExpect(jsonPath("$.answered").value(true));
        mvc.perform(get("/public/feedback/" + "x".repeat(43))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // Helsinki is a city of the project too; the second answer did not change the first
        mvc.perform(get("/api/events/" + ended.event() + "/feedback").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.invited").value(2))
                .andExpect(jsonPath("$.figures.answered").value(1))
                .andExpect(jsonPath("$.figures.answerRate").value(0.5))
                .andExpect(jsonPath("$.figures.average").value(9.0))
                .andExpect(jsonPath("$.responses.length()").value(1))
                .andExpect(jsonPath("$.responses[0].score").value(9))
                .andExpect(jsonPath("$.responses[0].text").value("Hyvät puhujat"))
                .andExpect(jsonPath("$.responses[0].answeredAt").exists());
        mvc.perform(post("/public/feedback/" + tokenMailedTo("sven." + run + "@example.org"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 6}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/events/feedback/projects/growth").with(organiser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.invited").value(2))
                .andExpect(jsonPath("$.figures.answered").value(2))
                .andExpect(jsonPath("$.figures.average").value(7.5))
                .andExpect(jsonPath("$.events[0].eventId").value(ended.event()))
                .andExpect(jsonPath("$.events[0].title.sv").value("Tillväxtseminarium"))
                .andExpect(jsonPath("$.events[0].figures.answerRate").value(1.0));

        // another city's staff: as if neither existed; nobody signed in: 401
        mvc.perform(get("/api/events/" + ended.event() + "/feedback").with(cityUser("oulu", "staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Hyvät"))));
        mvc.perform(get("/api/events/feedback/projects/growth").with(cityUser("oulu", "staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/events/" + ended.event() + "/feedback")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/events/feedback/projects/growth")).andExpect(status().isUnauthorized());
    }

    @Test
    void theSameAnswerSent500TimesFromManyThreadsIsStoredOnceAndEveryOtherIsAConflict() throws Exception {
        Ended ended = endedEvent();
        invitations.invite(ENDED.plusSeconds(60));
        String maija = tokenMailedTo("maija." + run + "@example.org");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<org.springframework.test.web.servlet.MvcResult>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(() -> mvc.perform(post("/public/feedback/" + maija).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"score\": 8, \"text\": \"Sama vastaus\"}")).andReturn());
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Future<org.springframework.test.web.servlet.MvcResult> call : pool.invokeAll(calls)) {
            var response = call.get().getResponse();
            statuses.add(response.getStatus());
            if (response.getStatus() == 409) {
                codes.add(JsonPath.read(response.getContentAsString(), "$.code"));
            }
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(499);
        assertThat(codes).hasSize(499).containsOnly("feedback-answered");
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(ended.event()).and("answeredAt").ne(null)),
                FeedbackInvitation.class)).isEqualTo(1);
        mvc.perform(get("/api/events/" + ended.event() + "/feedback").with(organiser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.answered").value(1))
                .andExpect(jsonPath("$.responses.length()").value(1));
    }

    @Test
    void theTextIsExportedWithThePersonAndErasedWithThemWhileTheScoreCounts() throws Exception {
        Ended ended = endedEvent();
        invitations.invite(ENDED.plusSeconds(60));
        String email = "maija." + run + "@example.org";
        mvc.perform(post("/public/feedback/" + tokenMailedTo(email)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\": 8, \"text\": \"Kahvi loppui kesken\"}"))
                .andExpect(status().isNoContent());
        String hash = emailHash.of(email);

        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).param("contactId", "c-1")
                        .with(cityUser("espoo", "staff", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.feedback.length()").value(1))
                .andExpect(jsonPath("$.items.feedback[0].eventId").value(ended.event()))
                .andExpect(jsonPath("$.items.feedback[0].score").value(8))
                .andExpect(jsonPath("$.items.feedback[0].text").value("Kahvi loppui kesken"));

        String contactId = "c-" + UUID.randomUUID();
        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, contactId, """
                {"id": "%s", "type": "contact.erased", "version": 2, "data": {"contactId": "%s", "emailHash": "%s"}}
                """.formatted(UUID.randomUUID(), contactId, hash));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(Criteria.where("eventId").is(ended.event())
                .and("text").exists(true)), FeedbackInvitation.class) == 0);

        mvc.perform(get("/api/events/" + ended.event() + "/feedback").with(organiser))
                .andExpect(jsonPath("$.figures.answered").value(1))
                .andExpect(jsonPath("$.figures.average").value(8.0))
                .andExpect(jsonPath("$.responses[0].score").value(8))
                .andExpect(jsonPath("$.responses[0].text").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Kahvi"))));
        mvc.perform(get("/api/gdpr/people").param("emailHash", hash).with(cityUser("espoo", "staff", "admin")))
                .andExpect(jsonPath("$.items.feedback.length()").value(0));
    }
}
