package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The public registration path end to end: an organiser publishes, the public registers through the
 * gateway without logging in, mails arrive at the real SMTP server, a cancellation through the private
 * link promotes the next person, and projects and contacts hear of it over Kafka.
 */
@ExtendWith(Stack.class)
class EventsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A member of the public calling the API. Each call comes from its own documentation address (the test stack
     * trusts one proxy, as behind a load balancer), so the many tests of one run are not throttled as one visitor;
     * the throttle itself is {@code PublicWriteLimitIT}'s.
     */
    static HttpResponse<String> publicCall(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", "198.18." + VISITORS.nextInt(256) + "." + (1 + VISITORS.nextInt(254)));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode mailTo(String address) throws Exception {
        List<JsonNode> mails = mailsTo(address);
        return mails.isEmpty() ? null : mails.get(0);
    }

    /** The mails the platform sent to the address, oldest first (the stack console reads GreenMail). */
    static List<JsonNode> mailsTo(String address) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode mail : Keycloak.json(HTTP.send(HttpRequest.newBuilder(URI.create(Stack.CONSOLE + "/mail")).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            if (mail.get("to").toString().contains(address)) {
                found.add(mail);
            }
        }
        return found;
    }

    /** The private token in a mail's link: the public form's answer never carries it. */
    static String privateTokenIn(JsonNode mail) {
        Matcher link = PRIVATE_LINK.matcher(mail.get("text").asString());
        assertThat(link.find()).as("a private link in " + mail.get("text").asString()).isTrue();
        return link.group(1);
    }

    private static final java.util.Random VISITORS = new java.util.Random();

    static final Pattern PRIVATE_LINK = Pattern.compile("/events/registrations/([A-Za-z0-9_-]{40,})");

    @Test
    void thePublicRegistersGetsMailAndACancellationPromotesTheNextPerson() throws Exception {
        String organiser = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");
        String project = MessagingIT.ownProject("Ilmoittautumiset ja jonot");
        String event = MessagingIT.eventIn(project, 1);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", organiser, "").statusCode()).isEqualTo(200);
        long participantsBefore = Keycloak.json(Api.get(Stack.GATEWAY + "/api/projects/" + project, organiser).body())
                .get("participantsReached").asLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "ensimmainen." + run + "@example.org";
        String second = "andra." + run + "@example.org";

        HttpResponse<String> confirmed = publicCall("POST", "/public/events/" + event + "/registrations",
                "{\"email\": \"" + first + "\", \"firstName\": \"Eeva\", \"lastName\": \"Ensimmäinen\", \"language\": \"fi\"}");
        HttpResponse<String> waitlisted = publicCall("POST", "/public/events/" + event + "/registrations",
                "{\"email\": \"" + second + "\", \"firstName\": \"Anna\", \"lastName\": \"Andra\", \"language\": \"sv\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
        assertThat(waitlisted.statusCode()).as(waitlisted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(first) != null && mailTo(second) != null);
        assertThat(mailTo(first).toString()).contains("Ilmoittautumisesi on vahvistettu", "event.ics");
        assertThat(mailTo(second).toString()).contains("Du står på väntelistan");

        String token = privateTokenIn(mailTo(first));
        assertThat(Keycloak.json(publicCall("GET", "/public/registrations/" + token, null).body()).get("status").asString())
                .isEqualTo("CONFIRMED");
        String secondToken = privateTokenIn(mailTo(second));
        assertThat(Keycloak.json(publicCall("GET", "/public/registrations/" + secondToken, null).body()).get("status").asString())
                .isEqualTo("WAITLISTED");
        HttpResponse<String> cancelled = publicCall("DELETE", "/public/registrations/" + token, null);
        assertThat(Keycloak.json(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Keycloak.json(publicCall("GET", "/public/registrations/" + secondToken, null).body()).get("status").asString())
                .isEqualTo("CONFIRMED");

        // projects counted both people who held a place; contacts know both, with their histories
        await().atMost(Duration.ofSeconds(60)).until(() -> Keycloak.json(
                Api.get(Stack.GATEWAY + "/api/projects/" + project, organiser).body())
                .get("participantsReached").asLong() == participantsBefore + 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> MessagingIT.contactByEmail(second) != null
                && MessagingIT.contactByEmail(second).get("participations").get(0).get("status").asString().equals("CONFIRMED"));
        assertThat(publicCall("GET", "/public/registrations/" + token + "x", null).statusCode()).isEqualTo(404);
        assertThat(publicCall("GET", "/public/events.ics", null).body()).contains("UID:" + event + "-main@");
    }
}
