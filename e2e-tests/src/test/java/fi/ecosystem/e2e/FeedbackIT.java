package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The survey after an event through the whole stack: an event that ended, a checked-in attendee, the survey mail at
 * the SMTP server with its one-use link, the answer through the gateway (once), and the organiser's figures.
 */
@ExtendWith(Stack.class)
class FeedbackIT {

    static final Pattern SURVEY_LINK = Pattern.compile("/events/feedback/([A-Za-z0-9_-]{43})");

    record Surveyed(String event, String token) {
    }

    /** An event of the project that ended yesterday, one attendee checked in and one absent; the attendee's survey token. */
    static Surveyed endedEventWithSurvey(String run) throws Exception {
        String integrator = MessagingIT.integrator();
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", MessagingIT.integrator(), """
                    {"projectId": "%s", "type": "SEMINAR", "title": {"fi": "Palauteseminaari", "sv": "Responsseminarium"},
                     "capacity": 10, "startsAt": "%s", "endsAt": "%s"}
                    """.formatted(MessagingIT.PROJECT, java.time.Instant.now().minus(Duration.ofDays(1)).minusSeconds(7200),
                    java.time.Instant.now().minus(Duration.ofDays(1))));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // read model not there yet
            return false;
        });
        String event = id[0];
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", integrator, "").statusCode()).isEqualTo(200);
        String attendee = "palaute." + run + "@example.org";
        String absent = "poissa." + run + "@example.org";
        String registration = MessagingIT.register(event, attendee);
        MessagingIT.register(event, absent);
        HttpResponse<String> checkedIn = Api.post(Stack.GATEWAY + "/api/events/" + event + "/registrations/" + registration
                + "/attendance", integrator, "{\"attended\": true}");
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);

        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode mail : EventsIT.mailsTo(attendee)) {
                Matcher link = SURVEY_LINK.matcher(mail.get("text").asString());
                if (link.find()) {
                    token[0] = link.group(1);
                    return true;
                }
            }
            return false;
        });
        // the absent registrant got a confirmation, never a survey
        assertThat(EventsIT.mailsTo(absent)).isNotEmpty()
                .noneMatch(mail -> SURVEY_LINK.matcher(mail.get("text").asString()).find());
        return new Surveyed(event, token[0]);
    }

    @Test
    void anAttendeeAnswersTheMailedSurveyOnceAndTheOrganiserSeesIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Surveyed surveyed = endedEventWithSurvey(run);

        HttpResponse<String> page = EventsIT.publicCall("GET", "/events/feedback/" + surveyed.token() + "?lang=sv", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Responsseminarium", "<fieldset");
        HttpResponse<String> bad = EventsIT.publicCall("POST", "/public/feedback/" + surveyed.token(), "{\"score\": 11}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        HttpResponse<String> answered = EventsIT.publicCall("POST", "/public/feedback/" + surveyed.token(),
                "{\"score\": 9, \"text\": \"Erinomaiset puhujat " + run + "\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
        HttpResponse<String> again = EventsIT.publicCall("POST", "/public/feedback/" + surveyed.token(), "{\"score\": 1}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("feedback-answered");

        HttpResponse<String> figures = Api.get(Stack.GATEWAY + "/api/events/" + surveyed.event() + "/feedback",
                MessagingIT.integrator());
        assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
        JsonNode feedback = Keycloak.json(figures.body());
        assertThat(feedback.get("figures").get("invited").asLong()).isEqualTo(1);
        assertThat(feedback.get("figures").get("answered").asLong()).isEqualTo(1);
        assertThat(feedback.get("figures").get("average").asDouble()).isEqualTo(9.0);
        assertThat(feedback.get("responses").get(0).get("text").asString()).isEqualTo("Erinomaiset puhujat " + run);
        assertThat(Api.get(Stack.GATEWAY + "/api/events/" + surveyed.event() + "/feedback", null).statusCode()).isEqualTo(401);
        List<JsonNode> surveys = EventsIT.mailsTo("palaute." + run + "@example.org").stream()
                .filter(mail -> SURVEY_LINK.matcher(mail.get("text").asString()).find()).toList();
        assertThat(surveys).as("one survey, though the job ran many times meanwhile").hasSize(1);
    }
}
