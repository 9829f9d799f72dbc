package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.platform.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Growth programmes and registration forms: sessions with check-in per session and completion, questions
 * with answers and consents, the bulk upload with its per-row report, and what cancelling, completing and
 * resizing an event does to its registrations.
 */
class ProgrammeApiTest extends EventsApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    fi.ecosystem.events.registration.mail.RegistrationReminders reminders;

    final RequestPostProcessor organiser = cityUser("espoo", "staff", "event-organiser");

    static final String PROGRAMME = """
            {"projectId": "kasvun-ekosysteemit", "type": "GROWTH_PROGRAMME", "capacity": %d,
             "title": {"fi": "Kasvuohjelma", "sv": "Tillväxtprogram", "en": "Growth programme"},
             "description": {"fi": "Kolme tapaamista"}, "venue": "Maria 01, Helsinki",
             "sessions": [
               {"id": "kickoff", "title": {"fi": "Aloitus"}, "startsAt": "2027-02-01T07:00:00Z", "endsAt": "2027-02-01T10:00:00Z"},
               {"id": "pitch", "startsAt": "2027-03-01T07:00:00Z", "endsAt": "2027-03-01T10:00:00Z"},
               {"id": "demo-day", "startsAt": "2027-02-15T07:00:00Z"}],
             "sessionsToComplete": 2,
             "questions": [
               {"id": "diet", "kind": "TEXT", "label": {"fi": "Ruokavalio"}},
               {"id": "track", "kind": "CHOICE", "required": true, "label": {"fi": "Polku", "en": "Track"},
                "options": [{"id": "export", "label": {"fi": "Vienti"}}, {"id": "funding", "label": {"fi": "Rahoitus"}}]},
               {"id": "news", "kind": "CONSENT", "label": {"fi": "Haluan uutiskirjeen"}, "consentPurpose": "NEWSLETTER",
                "policyUrl": "https://ecosystem.example.org/privacy", "policyVersion": "2026-01"}]}
            """;

    String programme(int capacity) throws Exception {
        String body = mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content(PROGRAMME.formatted(capacity)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessions.length()").value(3))
                .andExpect(jsonPath("$.sessions[1].id").value("demo-day")) // in time order
                .andExpect(jsonPath("$.startsAt").value("2027-02-01T07:00:00Z"))
                .andExpect(jsonPath("$.endsAt").value("2027-03-01T10:00:00Z"))
                .andExpect(jsonPath("$.sessionsToComplete").value(2))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String registerWithAnswers(String event, String email, String answers) throws Exception {
        String body = mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(person(email).replace("}", ", \"answers\": " + answers + "}")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void aGrowthProgrammeIsCompletedByAttendingEnoughOfItsSessions() throws Exception {
        String event = programme(5);
        String registration = registerWithAnswers(event, "kasvu@example.org", "{\"track\": \"export\"}");
        String attendance = "/api/events/" + event + "/registrations/" + registration + "/attendance";

        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON).content("{\"attended\": true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sessionId"));
        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\": \"no-such\", \"attended\": true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sessionId"));
        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\": \"kickoff\", \"attended\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ATTENDED"))
                .andExpect(jsonPath("$.completed").value(false));
        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\": \"pitch\", \"attended\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.attendedSessions.length()").value(2))
                .andExpect(jsonPath("$.completed").value(true));
        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\": \"kickoff\", \"attended\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ATTENDED"))
                .andExpect(jsonPath("$.completed").value(false));
        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\": \"pitch\", \"attended\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NO_SHOW"));
        mvc.perform(post(attendance).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\": \"demo-day\", \"attended\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ATTENDED"));

        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS, record -> registration.equals(record.key())
                && record.value().contains("registration.session-attendance") && record.value().contains("\"sessionId\":\"pitch\""),
                Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(registration, Registration.class).pendingEvents().isEmpty());
        String csv = new String(mvc.perform(get("/api/events/" + event + "/registrations/export.csv").with(organiser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0]).endsWith(";Läsnä: Aloitus 1.2.2027 klo 9.00;Läsnä: tilaisuus 2 15.2.2027 klo 9.00;"
                + "Läsnä: tilaisuus 3 1.3.2027 klo 9.00;Ruokavalio;Polku;Haluan uutiskirjeen;Suoritti ohjelman");
        assertThat(lines[1]).endsWith(";ei;kyllä;ei;;Vienti;;ei");
    }

    @Test
    void theRegistrationFormAsksTheEventsQuestionsAndRecordsConsents() throws Exception {
        String event = publish(programme(5));
        String form = "/public/events/" + event + "/registrations";

        mvc.perform(get("/public/events/" + event)).andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[1].options[1].id").value("funding"))
                .andExpect(jsonPath("$.registrationOpen").value(true))
                .andExpect(jsonPath("$.onlineUrl").doesNotExist());
        mvc.perform(post(form).contentType(MediaType.APPLICATION_JSON).content(person("a@example.org")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("answers.track"));
        mvc.perform(post(form).contentType(MediaType.APPLICATION_JSON)
                        .content(person("a@example.org").replace("}", ", \"answers\": {\"track\": \"golf\", \"shoe\": \"42\", \"news\": \"maybe\"}}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
        assertThat(mongo.count(new Query(), Registration.class)).isZero();

        mvc.perform(post(form).contentType(MediaType.APPLICATION_JSON)
                        .content(person("a@example.org").replace("}",
                                ", \"answers\": {\"track\": \"funding\", \"diet\": \" vegaani \", \"news\": \"true\"}}")))
                .andExpect(status().isAccepted());
        mvc.perform(get("/public/registrations/" + tokenOf(event, "a@example.org")))
                .andExpect(jsonPath("$.answers.diet").value("vegaani"));
        Registration stored = mongo.findOne(new Query(Criteria.where("privateToken").is(tokenOf(event, "a@example.org"))),
                Registration.class);
        assertThat(stored.consents()).singleElement().satisfies(consent -> {
            assertThat(consent.purpose()).isEqualTo("NEWSLETTER");
            assertThat(consent.policyVersion()).isEqualTo("2026-01");
        });
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS, record -> record.value().contains(emailHash.of("a@example.org"))
                && record.value().contains("\"purpose\":\"NEWSLETTER\""), Duration.ofSeconds(20)); // the address travels sealed

        mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON).content(PROGRAMME.formatted(5)
                        .replace("{\"id\": \"funding\", \"label\": {\"fi\": \"Rahoitus\"}}", "").replace("}, ]", "}]")
                        .replace("\"policyVersion\": \"2026-01\"", "\"policyVersion\": \"\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "questions[1].options", "questions[2].policyVersion")));
    }

    @Test
    void aBulkUploadRegistersGoodRowsInOrderAndReportsEachBadOne() throws Exception {
        String event = programme(2);
        String csv = "\uFEFFsähköposti;etunimi;sukunimi;organisaatio;kieli;track\r\n"
                + "eka@example.org;Eeva;Ensimmäinen;Oy Esimerkki Ab;fi;export\r\n"
                + "\"toka@example.org\";\"Tuomas\";\"Toinen; jr.\";;sv;funding\r\n"
                + "ei-osoite;Veera;Virhe;;fi;export\r\n"
                + "EKA@example.org;Eeva;Ensimmäinen;;fi;export\r\n"
                + "kolmas@example.org;;Kolmas;;fi;export\r\n"
                + "neljas@example.org;Niko;Neljäs;;de;golf\r\n"
                + "\r\n"
                + "viides@example.org;Ville;Viides;;en;funding\r\n";
        String upload = "/api/events/" + event + "/registrations/import";

        mvc.perform(post(upload).with(organiser).contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(7))
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.confirmed").value(2))
                .andExpect(jsonPath("$.waitlisted").value(1))
                .andExpect(jsonPath("$.existing").value(1))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.report[1].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.report[2].line").value(4))
                .andExpect(jsonPath("$.report[2].errors[0].field").value("email"))
                .andExpect(jsonPath("$.report[3].outcome").value("existing"))
                .andExpect(jsonPath("$.report[4].errors[0].field").value("firstName"))
                .andExpect(jsonPath("$.report[5].errors[*].field").value(org.hamcrest.Matchers.contains("language")))
                .andExpect(jsonPath("$.report[6].line").value(9))
                .andExpect(jsonPath("$.report[6].status").value("WAITLISTED"));
        Registration second = mongo.findOne(new Query(Criteria.where("email").is("toka@example.org")), Registration.class);
        assertThat(second.lastName()).isEqualTo("Toinen; jr.");
        assertThat(second.answers()).containsEntry("track", "funding");

        MockMultipartFile again = new MockMultipartFile("file", "osallistujat.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(upload).file(again).with(organiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.existing").value(4));
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), Registration.class)).isEqualTo(3);

        mvc.perform(post(upload).with(organiser).contentType("text/csv").content("name;mail\nx;y\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(post(upload).with(cityUser("oulu", "staff", "event-organiser")).contentType("text/csv").content(csv))
                .andExpect(status().isNotFound());
        mvc.perform(post(upload).with(cityUser("espoo", "staff")).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(post(upload).contentType("text/csv").content(csv)).andExpect(status().isUnauthorized());
    }

    @Test
    void cancellingAnEventCancelsItsRegistrationsAndTellsThePeople() throws Exception {
        String event = publish(programme(1));
        String confirmed = registerWithAnswers(event, "paikka@example.org", "{\"track\": \"export\"}");
        String waiting = registerWithAnswers(event, "jono@example.org", "{\"track\": \"export\"}");

        mvc.perform(post("/api/events/" + event + "/cancel").with(cityUser("helsinki", "staff")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/events/" + event + "/cancel").with(organiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(Criteria.where("eventId").is(event)
                .and("status").is("CANCELLED")), Registration.class) == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipient(message).equals("jono@example.org")).count() == 2); // waitlisted, then cancelled
        assertThat(mongo.findById(confirmed, Registration.class).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(mongo.findById(waiting, Registration.class).status()).isEqualTo(RegistrationStatus.CANCELLED);
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content(person("myohassa@example.org")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("registration-closed"));
        mvc.perform(post("/api/events/" + event + "/publish").with(organiser))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-draft"));
    }

    @Test
    void completingAnEventMarksTheUncheckedAsNoShows() throws Exception {
        String event = publish(programme(5));
        String came = registerWithAnswers(event, "tuli@example.org", "{\"track\": \"export\"}");
        String stayedAway = registerWithAnswers(event, "ei.tullut@example.org", "{\"track\": \"export\"}");
        mvc.perform(post("/api/events/" + event + "/registrations/" + came + "/attendance").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\": \"kickoff\", \"attended\": true}"))
                .andExpect(status().isOk());

        mvc.perform(post("/api/events/" + event + "/complete").with(organiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.findById(stayedAway, Registration.class).status() == RegistrationStatus.NO_SHOW);
        assertThat(mongo.findById(came, Registration.class).status()).isEqualTo(RegistrationStatus.ATTENDED);
        mvc.perform(put("/api/events/" + event).with(organiser).contentType(MediaType.APPLICATION_JSON).content(PROGRAMME.formatted(5)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("event-closed"));
    }

    @Test
    void moreRoomPromotesTheWaitingListAndCapacityNeverDropsBelowTheConfirmed() throws Exception {
        String event = publish(programme(1));
        registerWithAnswers(event, "eka@example.org", "{\"track\": \"export\"}");
        String second = registerWithAnswers(event, "toka@example.org", "{\"track\": \"export\"}");
        String third = registerWithAnswers(event, "kolmas@example.org", "{\"track\": \"export\"}");
        String edit = "/api/events/" + event;

        mvc.perform(put(edit).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content(PROGRAMME.formatted(0)))
                .andExpect(status().isBadRequest());
        mvc.perform(put(edit).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content(PROGRAMME.formatted(2).replace("kasvun-ekosysteemit", "other-project")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("projectId"));
        mvc.perform(put(edit).with(organiser).contentType(MediaType.APPLICATION_JSON)
                        .content(PROGRAMME.formatted(2).replace("Kasvuohjelma", "Kasvuohjelma 2027")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title.fi").value("Kasvuohjelma 2027"))
                .andExpect(jsonPath("$.capacity").value(2));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.findById(second, Registration.class).status() == RegistrationStatus.CONFIRMED);
        assertThat(mongo.findById(third, Registration.class).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(mongo.findById(event, Event.class).confirmedCount()).isEqualTo(2);
        mvc.perform(put(edit).with(organiser).contentType(MediaType.APPLICATION_JSON).content(PROGRAMME.formatted(1)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("capacity-below-confirmed"));
        mvc.perform(put(edit).with(cityUser("oulu", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                .content(PROGRAMME.formatted(3))).andExpect(status().isNotFound());
    }

    record Write(String method, String path, String contentType, String body) {
    }

    @Test
    void theAccessRuleHoldsForEveryWriteOfAnEvent() throws Exception {
        String event = programme(5);
        String registration = registerWithAnswers(event, "matriisi@example.org", "{\"track\": \"export\"}");
        List<Write> writes = List.of(
                new Write("PUT", "/api/events/" + event, "application/json", PROGRAMME.formatted(6)),
                new Write("POST", "/api/events/" + event + "/registrations", "application/json",
                        person("uusi@example.org").replace("}", ", \"answers\": {\"track\": \"export\"}}")),
                new Write("POST", "/api/events/" + event + "/registrations/import", "text/csv",
                        "email;firstName;lastName;track\ncsv@example.org;Csv;Rivi;export\n"),
                new Write("POST", "/api/events/" + event + "/registrations/" + registration + "/attendance", "application/json",
                        "{\"sessionId\": \"kickoff\", \"attended\": true}"),
                new Write("POST", "/api/events/" + event + "/publish", "application/json", ""),
                new Write("POST", "/api/events/" + event + "/registrations/" + registration + "/cancel", "application/json", ""),
                new Write("POST", "/api/events/" + event + "/complete", "application/json", ""));
        for (Write write : writes) {
            onlyOrganisersOfTheProjectsCities(write);
        }
        assertThat(mongo.findById(event, Event.class).status()).isEqualTo(fi.ecosystem.events.event.EventStatus.COMPLETED);

        String another = programme(5);
        onlyOrganisersOfTheProjectsCities(new Write("POST", "/api/events/" + another + "/cancel", "application/json", ""));
        assertThat(mongo.findById(another, Event.class).status()).isEqualTo(fi.ecosystem.events.event.EventStatus.CANCELLED);
    }

    /** Another city's organiser: 404; no organiser role or no write scope: 403; no token: 401; an integrator with events:write: done. */
    void onlyOrganisersOfTheProjectsCities(Write write) throws Exception {
        mvc.perform(request(write).with(cityUser("oulu", "staff", "event-organiser"))).andExpect(status().isNotFound());
        mvc.perform(request(write).with(cityUser("helsinki", "staff", "project-manager"))).andExpect(status().isForbidden());
        mvc.perform(request(write).with(fi.ecosystem.platform.testing.Callers.integrator("helsinki", "events:read")))
                .andExpect(status().isForbidden());
        mvc.perform(request(write)).andExpect(status().isUnauthorized());
        mvc.perform(request(write).with(fi.ecosystem.platform.testing.Callers.integrator("helsinki", "events:write")))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).as(write.method() + " " + write.path())
                        .isBetween(200, 201));
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(Write write) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .request(write.method(), java.net.URI.create(write.path())).contentType(write.contentType()).content(write.body());
    }

    @Test
    void peopleWithAPlaceAreRemindedOnceOfEachSessionInTheirLanguageWithTheCalendar() throws Exception {
        String event = publish(programme(1));
        String confirmed = registerWithAnswers(event, "muista@example.org", "{\"track\": \"export\"}");
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content(person("jonossa@example.org").replace("\"fi\"", "\"sv\"")
                        .replace("}", ", \"answers\": {\"track\": \"export\"}}"))).andExpect(status().isCreated());
        java.time.Instant dayBeforeKickoff = java.time.Instant.parse("2027-01-31T09:00:00Z");

        assertThat(reminders.remind(dayBeforeKickoff)).isEqualTo(1);
        assertThat(reminders.remind(dayBeforeKickoff.plusSeconds(600))).isZero();
        assertThat(mongo.findById(confirmed, Registration.class).remindedSessions()).containsExactly("kickoff");
        assertThat(reminders.remind(java.time.Instant.parse("2027-02-10T09:00:00Z"))).isZero(); // nothing within a day
        assertThat(reminders.remind(java.time.Instant.parse("2027-02-14T09:00:00Z"))).isEqualTo(1); // demo-day

        await().atMost(Duration.ofSeconds(20)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipient(message).equals("muista@example.org") && subject(message).startsWith("Muistutus"))
                .count() == 2);
        jakarta.mail.internet.MimeMessage reminder = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> subject(message).equals("Muistutus: Kasvuohjelma")).findFirst().orElseThrow();
        String mail = decoded(reminder);
        assertThat(mail).contains("1.2.2027 klo 9.00 – Aloitus", "Maria 01, Helsinki", "/events/registrations/",
                "BEGIN:VCALENDAR", "UID:" + event + "-demo-day@ecosystem.example.org");
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipient(message).equals("jonossa@example.org"))
                .map(ProgrammeApiTest::subject)).noneMatch(subject -> subject.startsWith("Påminnelse"));
    }

    /** The text of every part, decoded. */
    static String decoded(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(decoded(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return content instanceof String text ? text : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
