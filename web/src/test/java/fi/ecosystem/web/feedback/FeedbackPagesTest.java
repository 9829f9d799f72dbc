package fi.ecosystem.web.feedback;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import org.junit.jupiter.api.Test;

/** The survey after an event against a stubbed events service: no login, in the attendee's language, once. */
class FeedbackPagesTest extends PageTest {

    static final String TOKEN = "t".repeat(43);
    static final String SURVEY = """
            {"eventId": "ev-1", "eventTitle": {"fi": "Kasvuseminaari", "sv": "Tillväxtseminarium"}, "language": "sv", "answered": false}
            """;

    @Test
    void theSurveyIsTranslatedWithAScoreFieldsetAndLabelledText() throws Exception {
        services.answer("GET /public/feedback/" + TOKEN, 200, SURVEY);
        mvc.perform(get("/events/feedback/" + TOKEN + "?lang=sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"sv\""), containsString("Tillväxtseminarium"),
                        containsString("<fieldset"), containsString("<legend>Hur sannolikt"),
                        containsString("id=\"score-10\""), containsString("for=\"score-10\""),
                        containsString("<label for=\"feedback-text\">Vad vill du säga"), not(containsString("??")))));
        mvc.perform(get("/events/feedback/" + TOKEN + "?lang=fi"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"fi\""), containsString("Kasvuseminaari"),
                        containsString("<legend>Kuinka todennäköisesti"), containsString("Lähetä vastaus"),
                        not(containsString("??")))));
    }

    @Test
    void anAnswerThanksASecondSaysAnsweredAndBadInputIsShownTranslated() throws Exception {
        services.answer("GET /public/feedback/" + TOKEN, 200, SURVEY);
        services.answer("POST /public/feedback/" + TOKEN, 204, "");
        mvc.perform(post("/events/feedback/" + TOKEN + "?lang=fi").param("score", "9").param("text", "Hyvä"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kiitos vastauksestasi!")));
        assertThat(services.last("POST", "/public/feedback/").body()).contains("\"score\":9", "Hyvä");

        services.answer("POST /public/feedback/" + TOKEN, 409,
                "{\"status\": 409, \"code\": \"feedback-answered\", \"detail\": \"answered\"}");
        mvc.perform(post("/events/feedback/" + TOKEN + "?lang=sv").param("score", "3"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Du har redan svarat")));

        services.answer("POST /public/feedback/" + TOKEN, 400, """
                {"status": 400, "code": "validation", "errors": [{"field": "text", "code": "Size", "message": "too long"}]}""");
        mvc.perform(post("/events/feedback/" + TOKEN + "?lang=fi").param("score", "4").param("text", "pitkä"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"text-error\""), containsString("Teksti on liian pitkä."),
                        containsString("pitkä</textarea>"), containsString("value=\"4\" required checked"))));

        services.answer("GET /public/feedback/unknown", 404, "{\"status\": 404, \"code\": \"not-found\"}");
        mvc.perform(get("/events/feedback/unknown?lang=en"))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("Survey not found")));
    }

    @Test
    void theOrganiserSeesTheAnswersTheAverageAndTheRate() throws Exception {
        services.answer("GET /api/events/ev-1/feedback", 200, """
                {"eventId": "ev-1", "title": {"fi": "Kasvuseminaari"}, "endsAt": "2026-03-02T10:00:00Z",
                 "figures": {"invited": 4, "answered": 2, "answerRate": 0.5, "average": 7.5},
                 "responses": [{"score": 9, "text": "Hyvät puhujat", "answeredAt": "2026-03-03T08:00:00Z"},
                               {"score": 6, "answeredAt": "2026-03-03T09:00:00Z"}]}""");
        mvc.perform(get("/app/events/ev-1/feedback").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("7.5"), containsString("2 / 4"), containsString("50 %"),
                        containsString("Hyvät puhujat"), not(containsString("??")))));
        services.answer("GET /api/events/feedback/projects/growth", 200, """
                {"projectId": "growth", "figures": {"invited": 4, "answered": 2, "answerRate": 0.5, "average": 7.5},
                 "events": [{"eventId": "ev-1", "title": {"fi": "Kasvuseminaari"},
                             "figures": {"invited": 4, "answered": 2, "answerRate": 0.5, "average": 7.5}, "responses": []}]}""");
        mvc.perform(get("/app/projects/growth/feedback").with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/app/events/ev-1/feedback"), containsString("Kasvuseminaari"),
                        containsString("7.5"), not(containsString("??")))));
        mvc.perform(get("/app/events/ev-1/feedback")).andExpect(status().isUnauthorized());
        assertThat(services.requests()).noneMatch(request -> request.authorization() == null && request.path().endsWith("/feedback"));
    }
}
