package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway on the whole stack: the public registration tells a caller nothing about who registered
 * (a known address gets the very bytes a new one gets, and only the address's owner is mailed the link again),
 * the online link reaches only a confirmed person's mail and private page, an event's cap per client address
 * holds for the JSON API and the web form alike (a forged X-Forwarded-For does not escape it), and a member of
 * a city without a role reads no registrations.
 */
@ExtendWith(Stack.class)
class PublicRegistrationPrivacyIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ONLINE = "https://meet.example.org/kasvupaja-" + RUN;

    static String onlineEvent(int capacity, Integer perAddress) throws Exception {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", MessagingIT.integrator(), """
                    {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Kasvupaja verkossa %s"}, "onlineUrl": "%s",
                     "capacity": %d, "maxRegistrationsPerAddress": %s,
                     "startsAt": "2027-02-01T08:00:00Z", "endsAt": "2027-02-01T10:00:00Z"}
                    """.formatted(MessagingIT.PROJECT, RUN, ONLINE, capacity, perAddress));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // read model not there yet
            return false;
        });
        HttpResponse<String> published = Api.post(Stack.GATEWAY + "/api/events/" + id[0] + "/publish", MessagingIT.integrator(), "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id[0];
    }

    static HttpResponse<String> register(String event, String email, String firstName, String forgedForwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/public/events/" + event + "/registrations"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s", "firstName": "%s", "lastName": "Rekisteröitynyt", "language": "fi"}
                        """.formatted(email, firstName)));
        if (forgedForwardedFor != null) {
            request.header("X-Forwarded-For", forgedForwardedFor);
        }
        return EventsIT.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRepeatRegistrationRevealsNothingAndTheOwnerGetsASecondMailWithThePrivateLink() throws Exception {
        String event = onlineEvent(1, null);
        String owner = "omistaja." + RUN + "@example.org";
        String other = "toinen." + RUN + "@example.org";

        HttpResponse<String> first = register(event, owner, "Oona", null);
        HttpResponse<String> newOne = register(event, other, "Toivo", null);
        HttpResponse<String> repeat = register(event, owner.toUpperCase(), "Utelias", null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(repeat.statusCode()).isEqualTo(newOne.statusCode());
        assertThat(repeat.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(newOne.body().getBytes(StandardCharsets.UTF_8));
        assertThat(repeat.body()).isEqualTo(first.body()).contains("e-mail")
                .doesNotContain("Oona", "Rekisteröitynyt", "CONFIRMED", "WAITLISTED", "privateToken", ONLINE);
        assertThat(repeat.headers().firstValue("Content-Type")).isEqualTo(newOne.headers().firstValue("Content-Type"));

        // the owner's mailbox: the confirmation with the online link, then the link again; the caller got neither
        await().atMost(Duration.ofSeconds(60)).until(() -> EventsIT.mailsTo(owner).size() == 2);
        List<JsonNode> mails = EventsIT.mailsTo(owner);
        JsonNode confirmation = mails.stream().filter(mail -> mail.get("subject").asString().startsWith("Ilmoittautumisesi on vahvistettu"))
                .findFirst().orElseThrow();
        JsonNode linkAgain = mails.stream().filter(mail -> mail.get("subject").asString().startsWith("Linkki ilmoittautumiseesi"))
                .findFirst().orElseThrow();
        String token = EventsIT.privateTokenIn(confirmation);
        assertThat(EventsIT.privateTokenIn(linkAgain)).isEqualTo(token);
        assertThat(linkAgain.get("text").asString()).contains(ONLINE).doesNotContain("Utelias");
        assertThat(confirmation.get("text").asString()).contains(ONLINE);

        // the online link: on the confirmed person's private page, never on the public event or a waitlisted person's
        JsonNode ownPage = Keycloak.json(EventsIT.publicCall("GET", "/public/registrations/" + token, null).body());
        assertThat(ownPage.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(ownPage.get("onlineUrl").asString()).isEqualTo(ONLINE);
        assertThat(ownPage.get("firstName").asString()).isEqualTo("Oona");
        await().atMost(Duration.ofSeconds(60)).until(() -> !EventsIT.mailsTo(other).isEmpty());
        String otherToken = EventsIT.privateTokenIn(EventsIT.mailsTo(other).get(0));
        JsonNode waitlistedPage = Keycloak.json(EventsIT.publicCall("GET", "/public/registrations/" + otherToken, null).body());
        assertThat(waitlistedPage.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(waitlistedPage.has("onlineUrl") && !waitlistedPage.get("onlineUrl").isNull()).isFalse();
        assertThat(EventsIT.mailsTo(other).get(0).get("text").asString()).doesNotContain(ONLINE);
        HttpResponse<String> publicEvent = EventsIT.publicCall("GET", "/public/events/" + event, null);
        assertThat(publicEvent.body()).contains("\"online\":true").doesNotContain(ONLINE);
        assertThat(EventsIT.publicCall("GET", "/public/events?size=100", null).body()).contains(event).doesNotContain(ONLINE);
        HttpResponse<String> publicPage = EventsIT.publicCall("GET", "/events/" + event, null);
        assertThat(publicPage.body()).contains("Kasvupaja verkossa " + RUN).doesNotContain(ONLINE);
    }

    @Test
    void aKnownAddressIsAnsweredAboutAsFastAsANewOne() throws Exception {
        String event = onlineEvent(100, null);
        List<Long> newMillis = new java.util.ArrayList<>();
        List<Long> repeatMillis = new java.util.ArrayList<>();
        java.util.Set<String> answers = new java.util.HashSet<>();
        // a new address and a known one in turn, so that both meet the same load of the machine (other test classes
        // run beside this one): ten new ones first and ten known ones after compared two different moments
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = register(event, "ajastus" + i + "." + RUN + "@example.org", "Aika", null);
            newMillis.add((System.nanoTime() - started) / 1_000_000);
            answers.add(answer.statusCode() + " " + answer.body());
            started = System.nanoTime();
            answer = register(event, "ajastus" + i + "." + RUN + "@example.org", "Toinen", null);
            repeatMillis.add((System.nanoTime() - started) / 1_000_000);
            answers.add(answer.statusCode() + " " + answer.body());
        }
        long newMedian = newMillis.stream().sorted().toList().get(5);
        long repeatMedian = repeatMillis.stream().sorted().toList().get(5);
        System.out.println("Public registration through the gateway, median of 10: new address " + newMedian
                + " ms, known address " + repeatMedian + " ms (new " + newMillis + ", known " + repeatMillis + ")");

        assertThat(answers).hasSize(1);
        assertThat(answers.iterator().next()).startsWith("202 ");
        assertThat(Math.max(newMedian, repeatMedian)).isLessThan(5 * Math.max(1, Math.min(newMedian, repeatMedian)) + 50);
    }

    @Test
    void anEventsCapPerAddressHoldsForTheApiAndTheWebFormAndAForgedForwardedForDoesNotEscapeIt() throws Exception {
        String event = onlineEvent(50, 1);

        assertThat(register(event, "ensin." + RUN + "@example.org", "Ensio", null).statusCode()).isEqualTo(202);
        // the test stack trusts one proxy, as behind a load balancer, which appends the address it saw (here
        // 127.0.0.1): an address the client forges in front of it does not escape the cap
        HttpResponse<String> capped = register(event, "sitten." + RUN + "@example.org", "Sisko",
                "198.51.100." + (RUN.hashCode() & 0x7f) + ", 127.0.0.1");
        assertThat(capped.statusCode()).as(capped.body()).isEqualTo(429);
        assertThat(capped.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(Keycloak.json(capped.body()).get("code").asString()).isEqualTo("registrations-per-address");

        // the web form: the UI passes on the address the gateway gave it, and says no in the page's language
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/events/" + event + "?lang=sv")).build(),
                HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/events/" + event)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]*)\".*", "$1");
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&firstName=Lomake&lastName=Kokeilu&email="
                + URLEncoder.encode("lomake." + RUN + "@example.org", StandardCharsets.UTF_8) + "&website=";
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/events/" + event + "/register"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2.44, 127.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(429);
        assertThat(posted.body()).contains("från samma nätadress", "value=\"Lomake\"");

        JsonNode registrations = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations",
                MessagingIT.integrator()).body());
        assertThat(registrations.get("totalItems").asInt()).isEqualTo(1);
        assertThat(registrations.toString()).contains("ensin." + RUN).doesNotContain("sitten." + RUN, "lomake." + RUN);
    }

    @Test
    void aMemberOfTheCityWithoutARoleReadsNoRegistrationsWhileAnOrganiserDoes() throws Exception {
        String event = onlineEvent(10, null);
        String person = "henkilo." + RUN + "@example.org";
        assertThat(register(event, person, "Henna", null).statusCode()).isEqualTo(202);
        String username = "jasen." + RUN;
        Keycloak.ensureMember("ecosystem", "helsinki", username, "Member-" + RUN);

        Browser member = new Browser();
        member.signIn("helsinki", username, "Member-" + RUN);
        HttpResponse<String> list = member.get(Stack.GATEWAY + "/api/events/" + event + "/registrations");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
        assertThat(list.body()).doesNotContain(person, "Henna");
        assertThat(member.get(Stack.GATEWAY + "/api/events/" + event + "/registrations/export.csv").statusCode()).isEqualTo(403);
        HttpResponse<String> theEvent = member.get(Stack.GATEWAY + "/api/events/" + event);
        assertThat(theEvent.statusCode()).isEqualTo(200);
        assertThat(theEvent.body()).contains("\"online\":true").doesNotContain(ONLINE);
        HttpResponse<String> staffPage = member.get(Stack.GATEWAY + "/app/events/" + event);
        assertThat(staffPage.statusCode()).isEqualTo(200);
        assertThat(staffPage.body()).contains("registrations-hidden").doesNotContain(person);

        Browser organiser = new Browser();
        organiser.signIn("helsinki", "eero.lahtinen", "demo");
        HttpResponse<String> organisersList = organiser.get(Stack.GATEWAY + "/api/events/" + event + "/registrations");
        assertThat(organisersList.statusCode()).as(organisersList.body()).isEqualTo(200);
        assertThat(organisersList.body()).contains(person);
        assertThat(organiser.get(Stack.GATEWAY + "/api/events/" + event).body()).contains(ONLINE);
    }
}
