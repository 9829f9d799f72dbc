package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Certificates of attendance of a completed growth programme: rendered in the participant's language (the PDF's
 * text read back with PDFBox), confirmed by their code on the public check, mailed by the event's organisers only.
 */
class CertificatesApiTest extends EventsApiTestSupport {

    final RequestPostProcessor organiser = cityUser("espoo", "staff", "event-organiser");

    /** A published two-session programme whose participants: Maija (fi) and Sven (sv) attended both, Pekka one. */
    record Programme(String event, String maija, String sven, String pekka) {
    }

    Programme completedProgramme() throws Exception {
        return completedProgramme(null);
    }

    /** The programme; {@code sessionsToComplete} null: the default, all sessions. */
    Programme completedProgramme(Integer sessionsToComplete) throws Exception {
        String body = mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId": "%s", "type": "GROWTH_PROGRAMME", "capacity": 10, "organisation": "Esimerkki Kehitys Oy",
                         "title": {"fi": "Kasvuohjelma", "sv": "Tillväxtprogram", "en": "Growth programme"},
                         "sessionsToComplete": %s,
                         "sessions": [
                           {"id": "kickoff", "startsAt": "2026-02-02T07:00:00Z", "endsAt": "2026-02-02T10:00:00Z"},
                           {"id": "demo-day", "startsAt": "2026-03-02T07:00:00Z", "endsAt": "2026-03-02T10:00:00Z"}]}
                        """.formatted(PROJECT, sessionsToComplete)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String event = publish(JsonPath.read(body, "$.id"));
        String maija = register(event, "maija." + UUID.randomUUID() + "@example.org", "Maija", "Meikäläinen", "fi");
        String sven = register(event, "sven." + UUID.randomUUID() + "@example.org", "Sven", "Svensson", "sv");
        String pekka = register(event, "pekka." + UUID.randomUUID() + "@example.org", "Pekka", "Puolikas", "fi");
        for (String[] attended : new String[][] {{maija, "kickoff"}, {maija, "demo-day"}, {sven, "kickoff"}, {sven, "demo-day"},
                {pekka, "kickoff"}}) {
            mvc.perform(post("/api/events/" + event + "/registrations/" + attended[0] + "/attendance").with(organiser)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\": \"" + attended[1] + "\", \"attended\": true}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/events/" + event + "/certificates").with(organiser))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("certificate-not-available"));
        mvc.perform(post("/api/events/" + event + "/complete").with(organiser)).andExpect(status().isOk());
        return new Programme(event, maija, sven, pekka);
    }

    String register(String event, String email, String firstName, String lastName, String language) throws Exception {
        String body = mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"email": "%s", "firstName": "%s", "lastName": "%s", "language": "%s"}
                                """.formatted(email, firstName, lastName, language)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void eachParticipantWhoCompletedGetsACertificateInTheirLanguageWhoseCodeThePublicCheckConfirms() throws Exception {
        Programme programme = completedProgramme();
        String event = programme.event();

        String list = mvc.perform(get("/api/events/" + event + "/certificates").with(organiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$[*].registrationId"))
                .containsExactly(programme.maija(), programme.sven()).doesNotContain(programme.pekka());

        byte[] finnish = mvc.perform(get("/api/events/" + event + "/registrations/" + programme.maija() + "/certificate.pdf")
                        .with(organiser))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String code = mongo.findOne(new Query(Criteria.where("registrationId").is(programme.maija())),
                org.bson.Document.class, "certificates").getString("_id");
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
        assertThat(textOf(finnish)).contains("Osallistumistodistus", "Maija Meikäläinen", "Kasvuohjelma", "2.2.2026", "2.3.2026",
                "Osallistui 2/2 tapaamiseen", "Esimerkki Kehitys Oy, Espoo", code, "/events/certificates/" + code)
                .doesNotContain("Deltagarintyg");

        String svenToken = mongo.findById(programme.sven(), Registration.class).privateToken();
        byte[] swedish = mvc.perform(get("/public/registrations/" + svenToken + "/certificate.pdf"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(textOf(swedish)).contains("Deltagarintyg", "Sven Svensson", "Tillväxtprogram", "Deltog i 2 av 2 träffar")
                .doesNotContain("Osallistumistodistus");

        String pekkaToken = mongo.findById(programme.pekka(), Registration.class).privateToken();
        mvc.perform(get("/public/registrations/" + pekkaToken + "/certificate.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/api/events/" + event + "/registrations/" + programme.pekka() + "/certificate.pdf").with(organiser))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("certificate-not-earned"));

        String verified = mvc.perform(get("/public/certificates/" + code.toLowerCase().replace("-", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.programme.fi").value("Kasvuohjelma"))
                .andExpect(jsonPath("$.completedOn").value("2026-03-02"))
                .andExpect(jsonPath("$.initials").value("M.M."))
                .andReturn().getResponse().getContentAsString();
        assertThat(verified).doesNotContain("Meikäläinen").doesNotContain("Maija").doesNotContain("example.org");
        String wrong = mvc.perform(get("/public/certificates/" + "0000-1111-2222-3333-4444"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).doesNotContain("Kasvuohjelma").doesNotContain("M.M.");
        mvc.perform(get("/public/certificates/not-a-code")).andExpect(status().isNotFound());

        // the same certificate however often it is fetched: one code per registration
        mvc.perform(get("/api/events/" + event + "/registrations/" + programme.maija() + "/certificate.pdf").with(organiser))
                .andExpect(status().isOk());
        assertThat(mongo.count(new Query(Criteria.where("registrationId").is(programme.maija())), "certificates")).isEqualTo(1);
    }

    @Test
    void theOrganisersThresholdDecidesWhoCompletedAndTravelsWithTheEventToReporting() throws Exception {
        Programme allSessions = completedProgramme();
        Programme oneSession = completedProgramme(1);

        String list = mvc.perform(get("/api/events/" + oneSession.event() + "/certificates").with(organiser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$[*].registrationId"))
                .containsExactly(oneSession.maija(), oneSession.sven(), oneSession.pekka());
        mvc.perform(get("/api/events/" + oneSession.event() + "/registrations/" + oneSession.pekka() + "/certificate.pdf")
                        .with(organiser))
                .andExpect(status().isOk());
        mvc.perform(get("/api/events/" + allSessions.event() + "/registrations/" + allSessions.pekka() + "/certificate.pdf")
                        .with(organiser))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("certificate-not-earned"));

        // projects-service counts completions by the same threshold: the default resolved to all (two) sessions
        fi.ecosystem.platform.testing.TopicProbe.awaitRecord(kafka.getBrokersAsString(), fi.ecosystem.contracts.Topics.EVENTS,
                record -> oneSession.event().equals(record.key()) && record.value().contains("\"status\":\"COMPLETED\"")
                        && record.value().contains("\"sessionsToComplete\":1"), java.time.Duration.ofSeconds(20));
        fi.ecosystem.platform.testing.TopicProbe.awaitRecord(kafka.getBrokersAsString(), fi.ecosystem.contracts.Topics.EVENTS,
                record -> allSessions.event().equals(record.key()) && record.value().contains("\"status\":\"COMPLETED\"")
                        && record.value().contains("\"sessionsToComplete\":2"), java.time.Duration.ofSeconds(20));
        mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId": "%s", "type": "GROWTH_PROGRAMME", "capacity": 10, "title": {"fi": "Liian vaativa"},
                         "sessionsToComplete": 3,
                         "sessions": [{"id": "only", "startsAt": "2026-02-02T07:00:00Z", "endsAt": "2026-02-02T10:00:00Z"}]}
                        """.formatted(PROJECT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sessionsToComplete"));
    }

    @Test
    void onlyTheEventsOrganisersListAndMailCertificatesWhichGoOutWithThePdfAttached() throws Exception {
        Programme programme = completedProgramme();
        String event = programme.event();
        var oulu = cityUser("oulu", "staff", "event-organiser");

        mvc.perform(get("/api/events/" + event + "/certificates")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/events/" + event + "/certificates").with(oulu)).andExpect(status().isNotFound());
        mvc.perform(post("/api/events/" + event + "/certificates/send").with(oulu)).andExpect(status().isNotFound());
        mvc.perform(post("/api/events/" + event + "/registrations/" + programme.maija() + "/certificate/send").with(oulu))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/events/" + event + "/registrations/" + programme.maija() + "/certificate.pdf").with(oulu))
                .andExpect(status().isNotFound());
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), "certificates")).isZero();

        mvc.perform(post("/api/events/" + event + "/certificates/send").with(organiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(2));

        String maija = mongo.findById(programme.maija(), Registration.class).email();
        String sven = mongo.findById(programme.sven(), Registration.class).email();
        String pekka = mongo.findById(programme.pekka(), Registration.class).email();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(subjects(maija)).filteredOn(subject -> subject.startsWith("Osallistumistodistuksesi")).hasSize(1);
            assertThat(subjects(sven)).filteredOn(subject -> subject.startsWith("Ditt deltagarintyg")).hasSize(1);
        });
        MimeMessage toSven = certificateMails(sven).get(0);
        assertThat(toSven.getSubject()).isEqualTo("Ditt deltagarintyg: Tillväxtprogram");
        assertThat(textOf(pdfAttachment(toSven))).contains("Deltagarintyg", "Sven Svensson");
        assertThat(certificateMails(pekka)).isEmpty();

        mvc.perform(post("/api/events/" + event + "/registrations/" + programme.maija() + "/certificate/send").with(organiser))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjects(maija))
                .filteredOn(subject -> subject.startsWith("Osallistumistodistuksesi")).hasSize(2));
        assertThat(mongo.count(new Query(Criteria.where("registrationId").is(programme.maija())), "certificates")).isEqualTo(1);
    }

    @Test
    void aCertificateIsInThePersonsExportAndGoneWhenThePersonIsErased() throws Exception {
        Programme programme = completedProgramme();
        Registration maija = mongo.findById(programme.maija(), Registration.class);
        mvc.perform(get("/api/events/" + programme.event() + "/registrations/" + programme.maija() + "/certificate.pdf")
                .with(organiser)).andExpect(status().isOk());
        String code = mongo.findOne(new Query(Criteria.where("registrationId").is(programme.maija())),
                org.bson.Document.class, "certificates").getString("_id");
        mvc.perform(get("/api/events/" + programme.event() + "/registrations/" + programme.sven() + "/certificate.pdf")
                .with(organiser)).andExpect(status().isOk());

        mvc.perform(get("/api/gdpr/people").param("emailHash", emailHash.of(maija.email())).param("contactId", "c-cert")
                        .with(cityUser("espoo", "staff", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.certificates.length()").value(1))
                .andExpect(jsonPath("$.items.certificates[0].id").value(code))
                .andExpect(jsonPath("$.items.certificates[0].registrationId").value(programme.maija()));
        mvc.perform(get("/public/certificates/" + code)).andExpect(status().isOk());

        TopicProbe.send(kafka.getBrokersAsString(), Topics.CONTACTS, "c-cert", """
                {"id": "%s", "type": "contact.erased", "version": 2, "data": {"contactId": "c-cert", "emailHash": "%s"}}
                """.formatted(UUID.randomUUID(), emailHash.of(maija.email())));

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(
                new Query(Criteria.where("registrationId").is(programme.maija())), "certificates") == 0);
        mvc.perform(get("/public/certificates/" + code)).andExpect(status().isNotFound());
        // another participant's certificate stays, and the erased person's place still counts
        assertThat(mongo.count(new Query(Criteria.where("registrationId").is(programme.sven())), "certificates")).isEqualTo(1);
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(programme.event())), Registration.class)).isEqualTo(3);
    }

    static List<String> subjects(String address) {
        return RegistrationApiTest.mailsTo(address).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<MimeMessage> certificateMails(String address) {
        return RegistrationApiTest.mailsTo(address).stream().filter(message -> {
            try {
                return message.getSubject().contains("todistus") || message.getSubject().contains("intyg")
                        || message.getSubject().contains("certificate");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static byte[] pdfAttachment(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }
}
