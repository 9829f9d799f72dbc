package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Funder-reporting evidence through the gateway with the real Keycloak, store and SMTP server: a business ID with a
 * wrong check digit refused with its code, and a completed growth programme's certificate mailed as a PDF whose
 * code the public check confirms (with initials only) while a made-up code is not found.
 */
@ExtendWith(Stack.class)
class CertificatesIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aBadBusinessIdIsRefusedAndACompletedProgrammesCertificateIsMailedAndConfirmed() throws Exception {
        String organiser = MessagingIT.integrator();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", organiser, """
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
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", organiser, "").statusCode()).isEqualTo(200);

        String email = "todistus." + run + "@example.org";
        HttpResponse<String> refused = EventsIT.publicCall("POST", "/public/events/" + event + "/registrations", """
                {"email": "%s", "firstName": "Maija", "lastName": "Meikäläinen", "language": "sv",
                 "organisationName": "Esimerkki Oy", "businessId": "0201256-5"}
                """.formatted(email));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"businessId\"", "\"code\":\"business-id-invalid\"");
        HttpResponse<String> accepted = EventsIT.publicCall("POST", "/public/events/" + event + "/registrations", """
                {"email": "%s", "firstName": "Maija", "lastName": "Meikäläinen", "language": "sv",
                 "organisationName": "Esimerkki Oy", "businessId": "0201256-6"}
                """.formatted(email));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        String registration = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations", organiser).body())
                .get("items").get(0).get("id").asString();
        for (String session : List.of("s1", "s2")) {
            HttpResponse<String> checkedIn = Api.post(Stack.GATEWAY + "/api/events/" + event + "/registrations/" + registration
                    + "/attendance", organiser, "{\"sessionId\": \"" + session + "\", \"attended\": true}");
            assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
        }
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/complete", organiser, "").statusCode()).isEqualTo(200);

        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/events/" + event + "/certificates")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> sent = Api.post(Stack.GATEWAY + "/api/events/" + event + "/certificates/send", organiser, "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(Keycloak.json(sent.body()).get("sent").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> EventsIT.mailsTo(email).stream()
                .anyMatch(mail -> mail.get("subject").asString().startsWith("Ditt deltagarintyg")));
        JsonNode mail = EventsIT.mailsTo(email).stream()
                .filter(each -> each.get("subject").asString().startsWith("Ditt deltagarintyg")).findFirst().orElseThrow();
        assertThat(mail.get("attachments").toString()).contains("application/pdf", "deltagarintyg.pdf");

        String code = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event + "/certificates", organiser).body())
                .get(0).get("code").asString();
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
}
