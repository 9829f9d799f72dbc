package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.events.registration.mail.RegistrationReminders;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Organisers set an event's reminders (how long before, extra text in the registrant's language): each goes once to
 * each person with a place, also when two replicas run the reminders at the same moment; when several are due at
 * once only the nearest is mailed; an event with none keeps the reminder a day before.
 */
class EventRemindersTest extends EventsApiTestSupport {

    @Autowired
    RegistrationReminders reminders;

    String eventWithReminders(Instant startsAt, String reminderJson) throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Muistutuspaja", "sv": "Påminnelseverkstad"},
                                 "capacity": 2, "sessions": [{"id": "s1", "startsAt": "%s"}]%s}
                                """.formatted(PROJECT, startsAt, reminderJson)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return publish(JsonPath.read(body, "$.id"));
    }

    void register(String event, String email, String language) throws Exception {
        mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content(person(email).replace("\"fi\"", "\"" + language + "\"")))
                .andExpect(status().isCreated());
    }

    static List<String> reminderMails(String address) {
        return RegistrationApiTest.mailsTo(address).stream()
                .filter(mail -> subject(mail).startsWith("Muistutus") || subject(mail).startsWith("Påminnelse"))
                .map(RegistrationApiTest::text).toList();
    }

    static String subject(MimeMessage mail) {
        return WaitingListOffersTest.subject(mail);
    }

    /** Both "replicas" send what is due at {@code now} at the same moment; returns how many mails went. */
    int twoReplicasRemind(Instant now) throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return reminders.remind(now);
        };
        List<Future<Integer>> runs = List.of(replicas.submit(run), replicas.submit(run));
        start.countDown();
        int sent = 0;
        for (Future<Integer> each : runs) {
            sent += each.get();
        }
        replicas.shutdown();
        return sent;
    }

    @Test
    void theOrganisersRemindersGoOnceEachWithTheirTextInTheRegistrantsLanguage() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = eventWithReminders(now.plus(Duration.ofHours(30)), """
                , "reminders": [{"hoursBefore": 48, "text": {"fi": "Ota kannettava mukaan.", "sv": "Ta med din bärbara dator."}},
                                {"hoursBefore": 24}]""");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/events/" + event)
                        .with(cityUser("espoo", "staff", "event-organiser")))
                .andExpect(jsonPath("$.reminders[0].hoursBefore").value(24))
                .andExpect(jsonPath("$.reminders[1].hoursBefore").value(48));
        register(event, "aino.muistutus@example.org", "fi");
        register(event, "sven.paminnelse@example.org", "sv");
        register(event, "jono.muistutus@example.org", "fi"); // waitlisted: no reminder

        // 30 hours before: the 48-hour reminder is due, the 24-hour one is not
        assertThat(twoReplicasRemind(now)).isLessThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> reminderMails("aino.muistutus@example.org").size() == 1
                && reminderMails("sven.paminnelse@example.org").size() == 1);
        assertThat(reminderMails("aino.muistutus@example.org").get(0)).contains("Ota kannettava mukaan.");
        assertThat(reminderMails("sven.paminnelse@example.org").get(0)).contains("Ta med din bärbara dator.")
                .doesNotContain("Ota kannettava mukaan.");
        assertThat(twoReplicasRemind(now.plus(Duration.ofHours(1)))).as("nothing new is due").isZero();

        // 23 hours before: the 24-hour reminder, without the 48-hour one's text; once
        assertThat(twoReplicasRemind(now.plus(Duration.ofHours(7)))).isEqualTo(2);
        assertThat(twoReplicasRemind(now.plus(Duration.ofHours(7)))).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> reminderMails("aino.muistutus@example.org").size() == 2);
        assertThat(reminderMails("aino.muistutus@example.org").get(1)).doesNotContain("Ota kannettava mukaan.");
        assertThat(reminderMails("sven.paminnelse@example.org")).hasSize(2);
        assertThat(reminderMails("jono.muistutus@example.org")).as("the waitlisted get none").isEmpty();
        // their waiting-list mail goes from the registrations topic, on its own time
        await("their waiting-list mail").atMost(Duration.ofSeconds(20))
                .until(() -> !RegistrationApiTest.mailsTo("jono.muistutus@example.org").isEmpty());
    }

    @Test
    void remindersDueTogetherSendOnlyTheNearestAndAnEventWithoutRemindersKeepsTheDayBefore() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String late = eventWithReminders(now.plus(Duration.ofHours(10)), """
                , "reminders": [{"hoursBefore": 72, "text": {"fi": "Kolme päivää."}}, {"hoursBefore": 12, "text": {"fi": "Pian alkaa."}}]""");
        register(late, "myohassa.muistutus@example.org", "fi");
        String plain = eventWithReminders(now.plus(Duration.ofHours(20)), "");
        register(plain, "tavallinen.muistutus@example.org", "fi");

        twoReplicasRemind(now);
        twoReplicasRemind(now.plus(Duration.ofMinutes(5)));

        await().atMost(Duration.ofSeconds(20)).until(() -> reminderMails("myohassa.muistutus@example.org").size() == 1
                && reminderMails("tavallinen.muistutus@example.org").size() == 1);
        assertThat(reminderMails("myohassa.muistutus@example.org").get(0)).contains("Pian alkaa.").doesNotContain("Kolme päivää.");
        assertThat(reminderMails("tavallinen.muistutus@example.org").get(0)).contains("Muistutamme, että tapahtuma on pian.");
    }
}
