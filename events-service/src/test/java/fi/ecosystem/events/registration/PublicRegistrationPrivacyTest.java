package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public registration reveals nothing about who registered: a known address gets exactly the answer a new
 * one gets, and the link goes to the address's owner; the online link reaches only people with a place; an event
 * may cap registrations per client address.
 */
class PublicRegistrationPrivacyTest extends EventsApiTestSupport {

    static final String ONLINE = "https://meet.example.org/kasvupaja-42";

    String onlineEvent(int capacity, Integer perAddress) throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Kasvupaja verkossa"},
                                 "onlineUrl": "%s", "capacity": %d, "maxRegistrationsPerAddress": %s,
                                 "startsAt": "2027-12-01T08:00:00Z", "endsAt": "2027-12-01T10:00:00Z"}
                                """.formatted(PROJECT, ONLINE, capacity, perAddress)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return publish(JsonPath.read(body, "$.id"));
    }

    MockHttpServletRequestBuilder form(String event, String json, String clientAddress) {
        return post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON).content(json)
                .header("X-Forwarded-For", clientAddress);
    }

    static List<MimeMessage> mailsTo(String address) {
        return RegistrationApiTest.mailsTo(address);
    }

    @Test
    void aRepeatRegistrationWithAKnownAddressGetsByteForByteTheAnswerOfANewOneAndTheOwnerGetsTheLinkAgain() throws Exception {
        String event = onlineEvent(5, null);
        MockHttpServletResponse first = mvc.perform(form(event, person("owner@example.org"), "198.51.100.7"))
                .andReturn().getResponse();
        MockHttpServletResponse newOne = mvc.perform(form(event, person("someone.else@example.org"), "198.51.100.7"))
                .andReturn().getResponse();
        MockHttpServletResponse repeat = mvc.perform(form(event, """
                        {"email": "Owner@Example.org", "firstName": "Mallory", "lastName": "Curious", "language": "en"}
                        """, "198.51.100.8"))
                .andReturn().getResponse();

        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(repeat.getStatus()).isEqualTo(newOne.getStatus());
        assertThat(repeat.getContentAsByteArray()).isEqualTo(newOne.getContentAsByteArray());
        assertThat(repeat.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(repeat.getContentType()).isEqualTo(newOne.getContentType());
        assertThat(repeat.getHeaderNames()).containsExactlyInAnyOrderElementsOf(newOne.getHeaderNames());
        assertThat(repeat.getContentAsString()).contains("e-mail")
                .doesNotContain("Maija", "Meikäläinen", "CONFIRMED", "status", ONLINE, "privateToken");

        // the owner, not the caller, gets a second mail with the private link; the stored registration is unchanged
        String token = tokenOf(event, "owner@example.org");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("owner@example.org").size() == 2);
        MimeMessage linkAgain = mailsTo("owner@example.org").stream()
                .filter(mail -> subject(mail).startsWith("Linkki ilmoittautumiseesi")).findFirst().orElseThrow();
        assertThat(RegistrationApiTest.text(linkAgain)).contains("/events/registrations/" + token, ONLINE);
        assertThat(mailsTo("owner@example.org")).extracting(PublicRegistrationPrivacyTest::subject)
                .contains("Ilmoittautumisesi on vahvistettu: Kasvupaja verkossa");
        Registration owner = mongo.findOne(new Query(Criteria.where("privateToken").is(token)), Registration.class);
        assertThat(owner.firstName()).isEqualTo("Maija");
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), Registration.class)).isEqualTo(2);

        // more repeats within the interval are answered the same but mail nothing more
        mvc.perform(form(event, person("owner@example.org"), "198.51.100.9")).andExpect(status().isAccepted())
                .andExpect(content().bytes(newOne.getContentAsByteArray()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mailsTo("owner@example.org").size() == 2);
    }

    @Test
    void answersAreCheckedTheSameWayForAKnownAddressAsForANewOne() throws Exception {
        String event = onlineEvent(5, null);
        selfRegister(event, "known@example.org");
        String unknownAnswer = "{\"nosuch\": \"x\"}";

        String forNew = mvc.perform(form(event, person("new@example.org").replace("}", ", \"answers\": " + unknownAnswer + "}"),
                "198.51.100.7")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String forKnown = mvc.perform(form(event, person("known@example.org").replace("}", ", \"answers\": " + unknownAnswer + "}"),
                "198.51.100.7")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(forKnown).isEqualTo(forNew).contains("answers.nosuch");
    }

    @Test
    void theOnlineLinkReachesOnlyPeopleWithAPlaceOnTheirPrivatePageAndByMail() throws Exception {
        String event = onlineEvent(1, null);
        String confirmed = selfRegister(event, "paikka.verkossa@example.org");
        String waitlisted = selfRegister(event, "jonossa.verkossa@example.org");

        mvc.perform(get("/public/events/" + event)).andExpect(status().isOk())
                .andExpect(jsonPath("$.online").value(true))
                .andExpect(jsonPath("$.onlineUrl").doesNotExist());
        assertThat(mvc.perform(get("/public/events")).andReturn().getResponse().getContentAsString())
                .contains(event).doesNotContain(ONLINE);
        assertThat(mvc.perform(get("/public/events.ics")).andReturn().getResponse().getContentAsString())
                .contains(event).doesNotContain(ONLINE);
        mvc.perform(get("/public/registrations/" + confirmed))
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.onlineUrl").value(ONLINE));
        mvc.perform(get("/public/registrations/" + waitlisted))
                .andExpect(jsonPath("$.status").value("WAITLISTED"))
                .andExpect(jsonPath("$.onlineUrl").doesNotExist());

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("paikka.verkossa@example.org").size() == 1
                && mailsTo("jonossa.verkossa@example.org").size() == 1);
        assertThat(RegistrationApiTest.text(mailsTo("paikka.verkossa@example.org").get(0))).contains(ONLINE);
        assertThat(RegistrationApiTest.text(mailsTo("jonossa.verkossa@example.org").get(0))).doesNotContain(ONLINE)
                .contains("/events/registrations/" + waitlisted);

        // a cancelled person's page no longer shows it
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/public/registrations/" + confirmed))
                .andExpect(jsonPath("$.status").value("CANCELLED")).andExpect(jsonPath("$.onlineUrl").doesNotExist());
        // the handling of the event's own change may give the place a moment after the answer (RegistrationApiTest)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/public/registrations/" + waitlisted))
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.onlineUrl").value(ONLINE)));

        // in the API: the organisers see it, a bare member of a participating city does not
        mvc.perform(get("/api/events/" + event).with(cityUser("espoo", "staff", "event-organiser")))
                .andExpect(jsonPath("$.onlineUrl").value(ONLINE));
        mvc.perform(get("/api/events/" + event).with(cityUser("espoo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.online").value(true))
                .andExpect(jsonPath("$.onlineUrl").doesNotExist());
        assertThat(mvc.perform(get("/api/events").with(cityUser("helsinki"))).andReturn().getResponse().getContentAsString())
                .contains(event).doesNotContain(ONLINE);
    }

    @Test
    void anEventCapsRegistrationsFromOneAddressAcrossNewAndKnownAddressesAlike() throws Exception {
        String event = onlineEvent(50, 2);
        mvc.perform(form(event, person("one@example.org"), "203.0.113.5")).andExpect(status().isAccepted());
        // only the last hop counts: the gateway writes it; what a client put before it is ignored
        mvc.perform(form(event, person("two@example.org"), "192.0.2.1, 203.0.113.5")).andExpect(status().isAccepted());

        mvc.perform(form(event, person("three@example.org"), "203.0.113.5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(RegistrationsPerAddress.CODE));
        String forKnown = mvc.perform(form(event, person("one@example.org"), "203.0.113.5"))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        String forNew = mvc.perform(form(event, person("four@example.org"), "203.0.113.5"))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        assertThat(forKnown).isEqualTo(forNew);
        mvc.perform(form(event, person("three@example.org"), "198.51.100.20")).andExpect(status().isAccepted());

        // an IPv6 /64 is one address; a repeat from below the cap is not counted
        mvc.perform(form(event, person("v6a@example.org"), "2001:db8:1:2::1")).andExpect(status().isAccepted());
        mvc.perform(form(event, person("v6a@example.org"), "2001:db8:1:2::1")).andExpect(status().isAccepted());
        mvc.perform(form(event, person("v6b@example.org"), "2001:db8:1:2:aaaa::9")).andExpect(status().isAccepted());
        mvc.perform(form(event, person("v6c@example.org"), "2001:db8:1:2:ffff::1")).andExpect(status().isTooManyRequests());
        mvc.perform(form(event, person("v6c@example.org"), "2001:db8:1:3::1")).andExpect(status().isAccepted());

        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), Registration.class)).isEqualTo(6);
        // organisers are not capped
        for (String email : List.of("o1@example.org", "o2@example.org", "o3@example.org")) {
            mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser"))
                    .header("X-Forwarded-For", "203.0.113.5").contentType(MediaType.APPLICATION_JSON).content(person(email)))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": \"" + PROJECT + "\", \"type\": \"WEBINAR\", \"title\": {\"fi\": \"X\"}, "
                                + "\"capacity\": 5, \"maxRegistrationsPerAddress\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
    }

    @Test
    void parallelRegistrationsFromOneAddressNeverPassTheCap() throws Exception {
        String event = onlineEvent(100, 3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Callable<Integer>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String email = "parallel" + i + "@example.org";
            attempts.add(() -> mvc.perform(form(event, person(email), "203.0.113.77")).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(code -> code == 202)).hasSize(3);
        assertThat(statuses.stream().filter(code -> code == 429)).hasSize(21);
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), Registration.class)).isEqualTo(3);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
