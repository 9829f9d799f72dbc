package fi.ecosystem.e2e;

import static fi.ecosystem.e2e.EventsIT.mailsTo;
import static fi.ecosystem.e2e.EventsIT.privateTokenIn;
import static fi.ecosystem.e2e.EventsIT.publicCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Waiting-list offers end to end through the gateway with real mail: a full event that offers freed places for
 * 24 hours; a cancellation offers the place to the first waiting person by mail; the mail's accept link opens their
 * page, whose button confirms the place (projects count them as reached); a later offer whose deadline has passed
 * (set in the store, as the clock would) is expired by the service's own deadline job and offered to the next person.
 */
@ExtendWith(Stack.class)
class WaitingListOffersIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static String offeringEvent(String project) {
        return MessagingIT.eventIn("""
                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Tarjouspaja", "en": "Offer workshop"},
                 "capacity": 1, "offerHours": 24, "startsAt": "2027-03-01T08:00:00Z", "endsAt": "2027-03-01T10:00:00Z"}
                """.formatted(project));
    }

    static void register(String event, String email, String firstName) throws Exception {
        HttpResponse<String> registered = publicCall("POST", "/public/events/" + event + "/registrations",
                "{\"email\": \"" + email + "\", \"firstName\": \"" + firstName + "\", \"lastName\": \"Jonottaja\", \"language\": \"fi\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
    }

    static String statusOf(String token) throws Exception {
        return Keycloak.json(publicCall("GET", "/public/registrations/" + token, null).body()).get("status").asString();
    }

    static JsonNode mailWith(String address, String words) throws Exception {
        return mailsTo(address).stream().filter(mail -> mail.toString().contains(words)).findFirst().orElse(null);
    }

    /** The private token of the first mail to the address (each registration's first mail carries its link). */
    static String tokenOf(String address) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !mailsTo(address).isEmpty());
        return privateTokenIn(mailsTo(address).get(0));
    }

    @Test
    void aFreedPlaceIsOfferedByMailAcceptedThroughTheLinkAndAnExpiredOfferGoesToTheNextPerson() throws Exception {
        String project = MessagingIT.ownProject("Tarjoukset jonosta");
        String event = offeringEvent(project);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", MessagingIT.integrator(), "").statusCode())
                .isEqualTo(200);
        long reachedBefore = MessagingIT.participantsReached(project);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "ensin." + run + "@example.org";
        String second = "toinen." + run + "@example.org";
        String third = "kolmas." + run + "@example.org";
        String fourth = "neljas." + run + "@example.org";
        register(event, first, "Ensio");
        register(event, second, "Toini");
        register(event, third, "Kolmo");
        register(event, fourth, "Neli");
        String firstToken = tokenOf(first);
        String secondToken = tokenOf(second);
        assertThat(statusOf(secondToken)).isEqualTo("WAITLISTED");

        // the first cancels: the place is offered to the second, by mail with an accept link
        assertThat(Keycloak.json(publicCall("DELETE", "/public/registrations/" + firstToken, null).body())
                .get("status").asString()).isEqualTo("CANCELLED");
        assertThat(statusOf(secondToken)).isEqualTo("OFFERED");
        JsonNode offer = Keycloak.json(publicCall("GET", "/public/registrations/" + secondToken, null).body());
        assertThat(Instant.parse(offer.get("offeredUntil").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailWith(second, "Sinulle tarjotaan paikkaa") != null);
        Matcher acceptLink = Pattern.compile("(/events/registrations/[A-Za-z0-9_-]{40,}/accept)")
                .matcher(mailWith(second, "Sinulle tarjotaan paikkaa").get("text").asString());
        assertThat(acceptLink.find()).isTrue();

        // the link opens the page (answering nothing by itself); its button takes the place
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(Stack.GATEWAY + acceptLink.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"accept-offer\"");
        assertThat(statusOf(secondToken)).isEqualTo("OFFERED");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> accepted = browser.send("POST", Stack.GATEWAY + acceptLink.group(1),
                "application/x-www-form-urlencoded", "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
        assertThat(statusOf(secondToken)).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(60)).until(() -> mailWith(second, "Paikkasi on vahvistettu") != null);
        HttpResponse<String> again = browser.get(Stack.GATEWAY + acceptLink.group(1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"offer-gone\"").doesNotContain("id=\"accept-offer\"");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                MessagingIT.participantsReached(project) == reachedBefore + 2);

        // the second cancels too: the third is offered the place, lets its deadline pass, and the fourth gets the offer
        publicCall("DELETE", "/public/registrations/" + secondToken, null);
        String thirdToken = tokenOf(third);
        assertThat(statusOf(thirdToken)).isEqualTo("OFFERED");
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            assertThat(mongo.getDatabase("events").getCollection("registrations").updateOne(
                    new Document("eventId", event).append("email", third).append("status", "OFFERED"),
                    new Document("$set", new Document("offeredUntil", Date.from(Instant.now().minusSeconds(60)))))
                    .getModifiedCount()).isEqualTo(1);
        }
        String fourthToken = tokenOf(fourth);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> statusOf(thirdToken).equals("CANCELLED"));
        assertThat(statusOf(fourthToken)).isEqualTo("OFFERED");
        HttpResponse<String> late = publicCall("POST", "/public/registrations/" + thirdToken + "/offer/accept", null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(Keycloak.json(late.body()).get("code").asString()).isEqualTo("offer-not-open");
        await().atMost(Duration.ofSeconds(60)).until(() -> mailWith(third, "Tarjottu paikka siirtyi seuraavalle") != null
                && mailWith(fourth, "Sinulle tarjotaan paikkaa") != null);
        assertThat(MessagingIT.participantsReached(project)).as("an offer counts once it is taken")
                .isEqualTo(reachedBefore + 2);
    }
}
