package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Certificates of attendance through the gateway with the real Keycloak, Kafka, store and SMTP server: a business
 * ID with a wrong check digit refused with its code; a Helsinki organiser, signed in, mails the certificates of a
 * completed growth programme, and only the participant who attended the threshold of sessions (by default all of
 * them) gets one, in Swedish, a PDF whose text and code the public check confirms; another city's staff and an
 * anonymous caller neither list nor send.
 */
@ExtendWith(Stack.class)
class CertificatesIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anOrganiserMailsACompletedProgrammesCertificatesWhichThePublicCheckConfirms() throws Exception {
        String integrator = MessagingIT.integrator();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] id = new String[1];
        // no sessionsToComplete: completing needs every session
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", integrator, """
                    {"projectId": "%s", "type": "GROWTH_PROGRAMME", "capacity": 10, "businessIdAsked": "OPTIONAL",
                     "title": {"fi": "Kasvuohjelma %s", "sv": "Tillväxtprogram %s"},
                     "registrationOpensAt": "2026-01-01T00:00:00Z", "registrationClosesAt": "2030-01-01T00:00:00Z",
                     "sessions": [{"id": "s1", "startsAt": "2030-02-01T07:00:00Z", "endsAt": "2030-02-01T10:00:00Z"},
                                  {"id": "s2", "startsAt": "2030-03-01T07:00:00Z", "endsAt": "2030-03-01T10:00:00Z"}]}
                    """.formatted(MessagingIT.PROJECT, run, run));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // read model not there yet
            return false;
        });
        String event = id[0];
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", integrator, "").statusCode()).isEqualTo(200);

        String completer = "todistus." + run + "@example.org";
        String halfway = "puolivali." + run + "@example.org";
        HttpResponse<String> refused = EventsIT.publicCall("POST", "/public/events/" + event + "/registrations", """
                {"email": "%s", "firstName": "Maija", "lastName": "Meikäläinen", "language": "sv",
                 "organisationName": "Esimerkki Oy", "businessId": "0201256-5"}
                """.formatted(completer));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"businessId\"", "\"code\":\"business-id-invalid\"");
        for (String[] person : new String[][] {{completer, "Maija", "Meikäläinen", "sv"}, {halfway, "Matti", "Puolivälinen", "fi"}}) {
            HttpResponse<String> accepted = EventsIT.publicCall("POST", "/public/events/" + event + "/registrations", """
                    {"email": "%s", "firstName": "%s", "lastName": "%s", "language": "%s",
                     "organisationName": "Esimerkki Oy", "businessId": "0201256-6"}
                    """.formatted(person[0], person[1], person[2], person[3]));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }

        Browser organiser = new Browser();
        organiser.signIn("helsinki", "eero.lahtinen", "demo");
        String all = Stack.GATEWAY + "/api/events/" + event + "/registrations";
        checkIn(organiser, all, registrationOf(organiser, all, completer), "s1", "s2");
        checkIn(organiser, all, registrationOf(organiser, all, halfway), "s1");
        assertThat(organiser.send("POST", Stack.GATEWAY + "/api/events/" + event + "/complete", "").statusCode()).isEqualTo(200);

        // the holders: the one who attended both sessions, not the one who attended one of two
        HttpResponse<String> holders = organiser.get(Stack.GATEWAY + "/api/events/" + event + "/certificates");
        assertThat(holders.statusCode()).as(holders.body()).isEqualTo(200);
        assertThat(holders.body()).contains("Meikäläinen").doesNotContain("Puolivälinen");

        // another city's staff: the event is not theirs to see (404), so neither its certificates
        Browser outsider = new Browser();
        outsider.signIn("hyvinkaa", "pekka.jarvinen", "demo");
        HttpResponse<String> outsiderList = outsider.get(Stack.GATEWAY + "/api/events/" + event + "/certificates");
        assertThat(outsiderList.statusCode()).as(outsiderList.body()).isIn(403, 404);
        assertThat(outsiderList.body()).doesNotContain("Meikäläinen");
        assertThat(outsider.send("POST", Stack.GATEWAY + "/api/events/" + event + "/certificates/send", "").statusCode())
                .isIn(403, 404);
        // anonymous: refused by the gateway and by events-service itself
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/events/" + event + "/certificates")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(Api.post(Stack.SERVICES.get("events-service") + "/api/events/" + event + "/certificates/send", null, "")
                .statusCode()).isEqualTo(401);
        assertThat(EventsIT.mailsTo(completer).stream().filter(CertificatesIT::certificateMail)).isEmpty();

        HttpResponse<String> sent = organiser.send("POST", Stack.GATEWAY + "/api/events/" + event + "/certificates/send", "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(Keycloak.json(sent.body()).get("sent").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> EventsIT.mailsTo(completer).stream().anyMatch(CertificatesIT::certificateMail));
        JsonNode mail = EventsIT.mailsTo(completer).stream().filter(CertificatesIT::certificateMail).findFirst().orElseThrow();
        assertThat(mail.get("attachments").toString()).contains("application/pdf", "deltagarintyg.pdf");
        assertThat(EventsIT.mailsTo(halfway)).as("registration mails only").noneMatch(each ->
                each.get("attachments").toString().contains("application/pdf"));

        String code = Keycloak.json(organiser.get(Stack.GATEWAY + "/api/events/" + event + "/certificates").body())
                .get(0).get("code").asString();
        String pdfText = pdfTextOf(mail.get("id").asString());
        assertThat(pdfText).contains("Deltagarintyg", "Härmed intygas att", "Maija Meikäläinen", "Tillväxtprogram " + run,
                "Deltog i 2 av 2 träffar", "Verifieringskod: " + code).doesNotContain("Osallistumistodistus");

        HttpResponse<String> confirmed = EventsIT.publicCall("GET", "/public/certificates/" + code, null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"initials\":\"M.M.\"", "Tillväxtprogram " + run).doesNotContain("Meikäläinen");
        HttpResponse<String> page = EventsIT.publicCall("GET", "/events/certificates/" + code + "?lang=sv", null);
        assertThat(page.body()).contains("certificate-valid", "Tillväxtprogram " + run, "M.M.");
        HttpResponse<String> madeUp = EventsIT.publicCall("GET", "/public/certificates/0000-1111-2222-3333-4444", null);
        assertThat(madeUp.statusCode()).isEqualTo(404);
        assertThat(madeUp.body()).doesNotContain("Tillväxtprogram");
        assertThat(EventsIT.publicCall("GET", "/events/certificates/0000-1111-2222-3333-4444", null).body())
                .contains("certificate-unknown").doesNotContain("certificate-valid");
    }

    private static boolean certificateMail(JsonNode mail) {
        return mail.get("subject").asString().startsWith("Ditt deltagarintyg");
    }

    private static String registrationOf(Browser organiser, String registrations, String email) throws Exception {
        HttpResponse<String> list = organiser.get(registrations + "?size=50");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode item : Keycloak.json(list.body()).get("items")) {
            if (email.equals(item.get("email").asString())) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("No registration of " + email + " in " + list.body());
    }

    private static void checkIn(Browser organiser, String registrations, String registration, String... sessions) throws Exception {
        for (String session : sessions) {
            HttpResponse<String> checkedIn = organiser.send("POST", registrations + "/" + registration + "/attendance",
                    "{\"sessionId\": \"" + session + "\", \"attended\": true}");
            assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
        }
    }

    /** The text of the PDF attached to the mail, read from the mail as the SMTP server received it. */
    private static String pdfTextOf(String mailId) throws Exception {
        byte[] eml = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.CONSOLE + "/mail/" + mailId + ".eml")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
        Part pdf = pdfPart(message);
        assertThat(pdf).as("a PDF part in the mail").isNotNull();
        try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Part pdfPart(Part part) throws Exception {
        if (part.isMimeType("application/pdf")) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                Part found = pdfPart(parts.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
