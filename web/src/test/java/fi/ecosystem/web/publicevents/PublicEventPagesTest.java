package fi.ecosystem.web.publicevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.web.PageTest;
import fi.ecosystem.web.StubServices;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public event pages against a stubbed events service: no login, forms that keep what was typed. */
class PublicEventPagesTest extends PageTest {

    static final String EVENT = """
            {"id": "ev-1", "type": "WORKSHOP", "title": {"fi": "Kasvupaja", "sv": "Tillväxtverkstad", "en": "Growth workshop"},
             "startsAt": "2027-02-01T07:00:00Z", "endsAt": "2027-02-01T10:00:00Z", "placesLeft": 1234,
             "questions": [{"id": "diet", "kind": "TEXT", "label": {"fi": "Ruokavalio"}, "required": false},
                           {"id": "privacy", "kind": "CONSENT", "label": {"fi": "Hyväksyn tietojeni käsittelyn"}, "required": true,
                            "policyUrl": "https://example.org/privacy", "policyVersion": "2"}]}
            """;

    @BeforeEach
    void stubs() {
        services.answer("GET /public/events", 200, "{\"items\": [" + EVENT + "], \"page\": 0, \"size\": 100, \"totalItems\": 1, \"totalPages\": 1}");
        services.answer("GET /public/events/ev-1", 200, EVENT);
    }

    @Test
    void theListShowsPublishedEventsInFinnishConventions() throws Exception {
        mvc.perform(get("/events"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"fi\""), containsString("Kasvupaja"),
                        containsString("1.2.2027 klo 9.00–12.00"), containsString("Paikkoja jäljellä: 1\u00a0234"),
                        containsString("Siirry sisältöön"), not(containsString("??")))));
    }

    @Test
    void aFirstVisitFromALinkIsInTheBrowsersLanguageIfWeHaveIt() throws Exception {
        mvc.perform(get("/events/ev-1").header("Accept-Language", "sv-FI,sv;q=0.9,en;q=0.8"))
                .andExpect(content().string(allOf(containsString("lang=\"sv\""), containsString("Anmäl dig"))));
        mvc.perform(get("/events/ev-1").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(content().string(containsString("lang=\"en\"")));
        mvc.perform(get("/events/ev-1").header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString("lang=\"fi\"")));
        // a choice made on the page (the cookie) wins over the browser's
        mvc.perform(get("/events/ev-1").header("Accept-Language", "sv").cookie(new Cookie("lang", "en")))
                .andExpect(content().string(containsString("lang=\"en\"")));
    }

    @Test
    void theEventPageIsInSwedishWithTheEventsQuestionsAndTheHoneypot() throws Exception {
        mvc.perform(get("/events/ev-1?lang=sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"sv\""), containsString("Tillväxtverkstad"),
                        containsString("Anmäl dig"), containsString("name=\"answers[privacy]\""),
                        containsString("https://example.org/privacy"), containsString("name=\"website\""),
                        not(containsString("??")))));
    }

    @Test
    void aRegistrationWithMistakesKeepsWhatWasTypedAndSaysWhatIsWrongNextToEachField() throws Exception {
        mvc.perform(post("/events/ev-1/register").param("firstName", "Eeva").param("lastName", "")
                        .param("email", "not-an-address").param("answers[diet]", "vegaani"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"Eeva\""), containsString("value=\"not-an-address\""), containsString("value=\"vegaani\""),
                        containsString("id=\"lastName-error\""), containsString("Täytä tämä kenttä."),
                        containsString("id=\"email-error\""), containsString("Anna sähköpostiosoite"),
                        containsString("aria-describedby=\"email-hint email-error\""),
                        containsString("id=\"answer-privacy-error\""), containsString("edellyttää suostumusta"))));
        assertThat(services.last("POST", "/public/events/ev-1/registrations")).isNull();
    }

    @Test
    void aRegistrationGoesToTheServiceInThePagesLanguageWithTheClientAddressAndSaysCheckYourEmail() throws Exception {
        services.answer("POST /public/events/ev-1/registrations", 202, "{\"message\": \"Thank you.\"}");
        mvc.perform(post("/events/ev-1/register").cookie(new Cookie("lang", "en")).param("firstName", " Eeva ").param("lastName", "Esimerkki")
                        .param("email", "eeva@example.org").param("answers[privacy]", "true").param("website", "")
                        .header("X-Forwarded-For", "203.0.113.5").with(request -> {
                            request.setRemoteAddr("10.0.0.2"); // the gateway
                            return request;
                        }))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/events/ev-1/received"));
        StubServices.Request sent = services.last("POST", "/public/events/ev-1/registrations");
        assertThat(sent.body()).contains("\"firstName\":\"Eeva\"", "\"language\":\"en\"", "\"privacy\":\"true\"")
                .doesNotContain("\"website\":\"\"");
        assertThat(sent.forwardedFor()).isEqualTo("203.0.113.5");

        mvc.perform(get("/events/ev-1/received").cookie(new Cookie("lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Check your e-mail"), containsString("Growth workshop"),
                        not(containsString("Eeva")), not(containsString("??")))));
        mvc.perform(get("/events/ev-1/received?lang=sv")).andExpect(content().string(containsString("Kolla din e-post")));
        mvc.perform(get("/events/ev-1/received?lang=fi")).andExpect(content().string(containsString("Tarkista sähköpostisi")));
    }

    @Test
    void whateverTheServiceSaysAboutTheAddressThePageIsTheSame() throws Exception {
        // an older service that still answers with a registration: nothing of it reaches the page
        services.answer("POST /public/events/ev-1/registrations", 200,
                "{\"eventId\": \"ev-1\", \"status\": \"CONFIRMED\", \"firstName\": \"Ensimmäinen\", \"privateToken\": \"tok-1\"}");
        mvc.perform(post("/events/ev-1/register").param("firstName", "Eeva").param("lastName", "Esimerkki")
                        .param("email", "eeva@example.org").param("answers[privacy]", "true"))
                .andExpect(redirectedUrl("/events/ev-1/received"));
    }

    @Test
    void theEventsCapPerAddressIsSaidInTheUsersLanguageWith429() throws Exception {
        services.answer("POST /public/events/ev-1/registrations", 429, """
                {"type": "https://ecosystem.example.org/problems/registrations-per-address", "status": 429,
                 "code": "registrations-per-address", "detail": "This event takes at most 2 registrations from one network address"}
                """);
        mvc.perform(post("/events/ev-1/register?lang=sv").param("firstName", "Eeva").param("lastName", "Esimerkki")
                        .param("email", "eeva@example.org").param("answers[privacy]", "true"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(allOf(containsString("id=\"form-errors\""),
                        containsString("från samma nätadress"), containsString("value=\"Eeva\""))));
    }

    @Test
    void theServicesFieldErrorsAreShownNextToTheFields() throws Exception {
        services.answer("POST /public/events/ev-1/registrations", 400, """
                {"type": "https://ecosystem.example.org/problems/validation", "status": 400, "detail": "The request has invalid fields",
                 "errors": [{"field": "email", "message": "must be a well-formed email address"}]}
                """);
        mvc.perform(post("/events/ev-1/register").param("firstName", "Eeva").param("lastName", "Esimerkki")
                        .param("email", "eeva@example.org").param("answers[privacy]", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"email-error\""),
                        containsString("must be a well-formed email address"), containsString("value=\"Eeva\""))));
    }

    @Test
    void aClosedRegistrationIsSaidOnTopOfTheFormInTheUsersLanguage() throws Exception {
        services.answer("POST /public/events/ev-1/registrations", 409, """
                {"type": "https://ecosystem.example.org/problems/registration-not-open", "status": 409, "code": "registration-not-open",
                 "detail": "Registration for this event is not open now"}
                """);
        mvc.perform(post("/events/ev-1/register?lang=sv").param("firstName", "Eeva").param("lastName", "Esimerkki")
                        .param("email", "eeva@example.org").param("answers[privacy]", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"form-errors\""), containsString("Anmälan är inte öppen nu."))));
    }

    @Test
    void thePrivatePageShowsTheWaitingListPlaceAndCancelsAfterAConfirmation() throws Exception {
        services.answer("GET /public/registrations/tok-123", 200, """
                {"eventId": "ev-1", "eventTitle": {"fi": "Kasvupaja"}, "startsAt": "2027-02-01T07:00:00Z", "endsAt": "2027-02-01T10:00:00Z",
                 "status": "WAITLISTED", "waitingListPosition": 3, "firstName": "Eeva", "lastName": "Esimerkki", "email": "eeva@example.org",
                 "privateToken": "tok-123"}
                """);
        services.answer("DELETE /public/registrations/tok-123", 200, "{\"status\": \"CANCELLED\"}");
        mvc.perform(get("/events/registrations/tok-123"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Jonossa"), containsString("id=\"waiting-list-position\">3<"),
                        containsString("Poistu jonosta"))));
        mvc.perform(get("/events/registrations/tok-123/cancel"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kyllä, peru")));
        mvc.perform(post("/events/registrations/tok-123/cancel"))
                .andExpect(redirectedUrl("/events/registrations/tok-123"));
        assertThat(services.last("DELETE", "/public/registrations/tok-123")).isNotNull();
    }

    @Test
    void anUnknownPrivateLinkIsANotFoundPage() throws Exception {
        services.answer("GET /public/registrations/nope", 404,
                "{\"type\": \"https://ecosystem.example.org/problems/not-found\", \"status\": 404, \"detail\": \"No such registration\"}");
        mvc.perform(get("/events/registrations/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Sivua ei löydy")));
    }

    @Test
    void withoutTheEventsOwnAddressTheEventIsFoundInThePublishedList() throws Exception {
        services.reset();
        services.answer("GET /public/events", 200, "{\"items\": [" + EVENT + "], \"page\": 0, \"size\": 100, \"totalItems\": 1, \"totalPages\": 1}");
        mvc.perform(get("/events/ev-1")).andExpect(status().isOk()).andExpect(content().string(containsString("Kasvupaja")));
    }

    static final String EVENT_WITH_CONTACT = """
            {"id": "ev-2", "type": "WEBINAR", "title": {"fi": "Kasvuwebinaari", "sv": "Tillväxtwebbinarium", "en": "Growth webinar"},
             "organisingCity": "helsinki", "organisation": "Business Helsinki", "venue": "Kansakoulukatu 3",
             "startsAt": "2027-06-01T06:00:00Z", "endsAt": "2027-06-01T07:30:00Z", "placesLeft": 5,
             "sessions": [{"id": "main", "startsAt": "2027-06-01T06:00:00Z", "endsAt": "2027-06-01T07:30:00Z"}],
             "contact": {"name": "Olli Organisaattori", "email": "olli@example.org", "phone": "+358 40 123 4567"}, "questions": []}
            """;

    @Test
    void theEventPageNamesTheOrganisersContactTheCitysPrivacyNoticeAndAddsTheEventToACalendarInSwedish() throws Exception {
        services.answer("GET /public/events/ev-2", 200, EVENT_WITH_CONTACT);
        mvc.perform(get("/events/ev-2?lang=sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"sv\""), containsString(">Arrangör</h2>"),
                        containsString("Business Helsinki"), containsString("id=\"organiser-name\">Olli Organisaattori<"),
                        containsString("href=\"mailto:olli@example.org\""), containsString("href=\"tel:+358401234567\">+358 40 123 4567<"),
                        // Helsinki's own notice in Swedish, from configuration
                        containsString("href=\"https://helsinki.example.org/sv/dataskydd/evenemangsanmalningar\""),
                        containsString("Dataskyddsbeskrivning"),
                        containsString("href=\"/public/events/ev-2/calendar.ics?lang=sv\""), containsString("Lägg till i kalendern"),
                        // Google Calendar gets the times in UTC: 9.00–10.30 in Helsinki summer time
                        containsString("dates=20270601T060000Z/20270601T073000Z"), containsString("ctz=Europe/Helsinki"),
                        containsString("1.6.2027 kl. 9.00–10.30"), not(containsString("??")))));
    }

    @Test
    void anEventOfACityWithoutItsOwnNoticeLinksThePlatformsNoticeAndShowsNoEmptyContact() throws Exception {
        mvc.perform(get("/events/ev-1?lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"https://ecosystem.example.org/en/privacy\""),
                        containsString("Privacy notice"), containsString(">Organiser</h2>"),
                        not(containsString("id=\"organiser-name\"")), not(containsString("mailto:")))));
    }

    @Test
    void theReceivedPageThePrivatePageAndTheCancelPageCarryTheOrganisersContact() throws Exception {
        services.answer("GET /public/events/ev-2", 200, EVENT_WITH_CONTACT);
        services.answer("GET /public/registrations/tok-9", 200, """
                {"eventId": "ev-2", "eventTitle": {"fi": "Kasvuwebinaari", "sv": "Tillväxtwebbinarium"},
                 "startsAt": "2027-06-01T06:00:00Z", "endsAt": "2027-06-01T07:30:00Z", "status": "CONFIRMED",
                 "firstName": "Sven", "lastName": "Svensson", "email": "sven@example.org", "privateToken": "tok-9",
                 "organisingCity": "helsinki", "organisation": "Business Helsinki",
                 "contact": {"name": "Olli Organisaattori", "email": "olli@example.org"}}
                """);
        mvc.perform(get("/events/ev-2/received?lang=sv"))
                .andExpect(content().string(allOf(containsString("Kolla din e-post"), containsString("Olli Organisaattori"),
                        containsString("mailto:olli@example.org"), containsString("Dataskyddsbeskrivning"))));
        mvc.perform(get("/events/registrations/tok-9?lang=sv"))
                .andExpect(content().string(allOf(containsString("Bekräftad"), containsString("Olli Organisaattori"),
                        containsString("mailto:olli@example.org"), containsString("/public/events/ev-2/calendar.ics?lang=sv"),
                        containsString("https://helsinki.example.org/sv/dataskydd/evenemangsanmalningar"), not(containsString("tel:")))));
        mvc.perform(get("/events/registrations/tok-9/cancel?lang=sv"))
                .andExpect(content().string(allOf(containsString("Olli Organisaattori"), containsString("Dataskyddsbeskrivning"))));
    }

    @Test
    void anEventAskingForTheBusinessIdShowsTheFieldAndTheServicesRefusalNextToIt() throws Exception {
        services.answer("GET /public/events/ev-2", 200, EVENT.replace("\"ev-1\"", "\"ev-2\"")
                .replace("\"placesLeft\"", "\"businessIdAsked\": \"REQUIRED\", \"placesLeft\""));
        mvc.perform(get("/events/ev-2"))
                .andExpect(content().string(allOf(containsString("name=\"businessId\""), containsString("Y-tunnus"))));
        mvc.perform(get("/events/ev-1")).andExpect(content().string(allOf(containsString("name=\"organisationName\""),
                not(containsString("name=\"businessId\"")))));

        services.answer("POST /public/events/ev-2/registrations", 400, """
                {"type": "https://ecosystem.example.org/problems/validation", "status": 400, "code": "validation",
                 "errors": [{"field": "businessId", "code": "business-id-invalid", "message": "must be a Finnish business ID"}]}
                """);
        mvc.perform(post("/events/ev-2/register").param("firstName", "Eeva").param("lastName", "Esimerkki")
                        .param("email", "eeva@example.org").param("answers[privacy]", "true")
                        .param("organisationName", "Esimerkki Oy").param("businessId", "0201256-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"businessId-error\""),
                        containsString("Tarkista Y-tunnus"), containsString("value=\"0201256-5\""))));
        assertThat(services.last("POST", "/public/events/ev-2/registrations").body()).contains("\"businessId\":\"0201256-5\"");
    }

    @Test
    void theCertificateCheckConfirmsAKnownCodeWithInitialsOnlyAndSaysSoForAnUnknownOne() throws Exception {
        services.answer("GET /public/certificates/7K3M-Q9RT-ABCD-EFGH-JKMN", 200, """
                {"valid": true, "programme": {"fi": "Kasvuohjelma", "sv": "Tillväxtprogram"}, "completedOn": "2026-03-02", "initials": "M.M."}
                """);
        services.answer("GET /public/certificates/0000-0000-0000-0000-0000", 404, """
                {"type": "https://ecosystem.example.org/problems/not-found", "status": 404, "code": "not-found", "detail": "Certificate"}
                """);
        mvc.perform(get("/events/certificates/7K3M-Q9RT-ABCD-EFGH-JKMN?lang=sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"certificate-valid\""), containsString("Tillväxtprogram"),
                        containsString("2.3.2026"), containsString("M.M."), not(containsString("certificate-unknown")),
                        not(containsString("??")))));
        mvc.perform(get("/events/certificates/0000-0000-0000-0000-0000"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"certificate-unknown\""),
                        containsString("Tällä koodilla ei löydy todistusta"), not(containsString("certificate-valid")))));
    }

    static final String OFFERED = """
            {"eventId": "ev-1", "eventTitle": {"fi": "Kasvupaja", "sv": "Tillväxtverkstad"}, "startsAt": "2027-02-01T07:00:00Z",
             "status": "OFFERED", "offeredUntil": "2027-01-20T16:00:00Z", "firstName": "Eeva", "lastName": "Esimerkki",
             "email": "eeva@example.org", "privateToken": "tok-offer"}
            """;

    @Test
    void anOfferIsAnsweredOnThePrivatePageWithOnePostAndAMailLinkAloneAnswersNothing() throws Exception {
        services.answer("GET /public/registrations/tok-offer", 200, OFFERED);
        services.answer("POST /public/registrations/tok-offer/offer/accept", 200, OFFERED.replace("\"OFFERED\"", "\"CONFIRMED\""));
        mvc.perform(get("/events/registrations/tok-offer/accept?lang=sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Du erbjuds en plats"), containsString("id=\"accept-offer\""),
                        not(containsString("id=\"decline-offer\"")), containsString("20.1.2027"), not(containsString("??")))));
        assertThat(services.last("POST", "/public/registrations/tok-offer/offer")).as("a GET answers nothing").isNull();
        mvc.perform(get("/events/registrations/tok-offer"))
                .andExpect(content().string(allOf(containsString("id=\"accept-offer\""), containsString("id=\"decline-offer\""),
                        containsString("Paikkaa tarjottu"), containsString("id=\"offered-until\""))));

        mvc.perform(post("/events/registrations/tok-offer/accept")).andExpect(redirectedUrl("/events/registrations/tok-offer"));
        assertThat(services.last("POST", "/public/registrations/tok-offer/offer/accept")).isNotNull();
    }

    @Test
    void anExpiredOrUsedOfferLinkIsAClearPageInTheUsersLanguageNeverAnError() throws Exception {
        services.answer("GET /public/registrations/tok-gone", 200, OFFERED.replace("\"OFFERED\"", "\"CANCELLED\"")
                .replace("\"offeredUntil\": \"2027-01-20T16:00:00Z\",", ""));
        services.answer("POST /public/registrations/tok-gone/offer/decline", 409, """
                {"type": "https://ecosystem.example.org/problems/offer-not-open", "status": 409, "code": "offer-not-open",
                 "detail": "This offer is not open any more: it expired or was answered"}
                """);
        mvc.perform(get("/events/registrations/tok-gone/decline?lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"offer-gone\""), containsString("This offer is no longer open"),
                        not(containsString("id=\"decline-offer\"")), containsString("Cancelled"))));
        var flash = mvc.perform(post("/events/registrations/tok-gone/decline"))
                .andExpect(redirectedUrl("/events/registrations/tok-gone")).andReturn().getFlashMap();
        assertThat(flash.get("flash")).isEqualTo("registration.offerGone");
        mvc.perform(get("/events/registrations/tok-gone").flashAttrs(flash))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tarjous ei ole enää voimassa"), not(containsString("??")))));
    }

    @Test
    void aWaitingPersonLeavesTheListWithOneButtonOnTheirPage() throws Exception {
        services.answer("GET /public/registrations/tok-wait", 200, OFFERED.replace("\"OFFERED\"", "\"WAITLISTED\"")
                .replace("\"offeredUntil\": \"2027-01-20T16:00:00Z\",", "\"waitingListPosition\": 2,"));
        services.answer("DELETE /public/registrations/tok-wait", 200, "{\"status\": \"CANCELLED\"}");
        mvc.perform(get("/events/registrations/tok-wait"))
                .andExpect(content().string(allOf(containsString("id=\"leave-waiting-list\""),
                        containsString("action=\"/events/registrations/tok-wait/cancel\""), not(containsString("id=\"accept-offer\"")))));
        mvc.perform(post("/events/registrations/tok-wait/cancel")).andExpect(redirectedUrl("/events/registrations/tok-wait"));
        assertThat(services.last("DELETE", "/public/registrations/tok-wait")).isNotNull();
    }
}
