package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** What funder reports need from events: the flag that leaves an event out, and the participant's business ID. */
class FunderReportingFieldsTest extends EventsApiTestSupport {

    private String eventAsking(String businessIdAsked, boolean excluded) throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Boost your Business"},
                                 "capacity": 10, "startsAt": "2027-12-01T08:00:00Z", "endsAt": "2027-12-01T12:00:00Z",
                                 "registrationOpensAt": "2026-01-01T00:00:00Z",
                                 "excludedFromReports": %s, "businessIdAsked": "%s"}
                                """.formatted(PROJECT, excluded, businessIdAsked)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.excludedFromReports").value(excluded))
                .andExpect(jsonPath("$.businessIdAsked").value(businessIdAsked))
                .andReturn().getResponse().getContentAsString();
        return publish(JsonPath.read(body, "$.id"));
    }

    private static String company(String email, String organisation, String businessId) {
        return "{\"email\": \"" + email + "\", \"firstName\": \"Maija\", \"lastName\": \"Meikäläinen\", \"language\": \"fi\""
                + (organisation == null ? "" : ", \"organisationName\": \"" + organisation + "\"")
                + (businessId == null ? "" : ", \"businessId\": \"" + businessId + "\"") + "}";
    }

    @Test
    void anEventMarkedAsNotCountingSaysSoInItsEventsAndAnOrdinaryOneDoesNot() throws Exception {
        String excluded = eventAsking("NOT_ASKED", true);
        String counted = eventAsking("NOT_ASKED", false);

        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.EVENTS, record -> excluded.equals(record.key())
                && record.value().contains("\"status\":\"PUBLISHED\"") && record.value().contains("\"excludedFromReports\":true")
                && record.value().contains("\"endsAt\":\"2027-12-01T12:00:00Z\""), Duration.ofSeconds(20));
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.EVENTS, record -> counted.equals(record.key())
                && record.value().contains("\"status\":\"PUBLISHED\"") && record.value().contains("\"excludedFromReports\":false"),
                Duration.ofSeconds(20));
        mvc.perform(get("/api/events/" + excluded).with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.excludedFromReports").value(true));
    }

    @Test
    void aBusinessIdWithAWrongCheckDigitIsAProblemNamingTheFieldAndNothingIsStored() throws Exception {
        String event = eventAsking("OPTIONAL", false);

        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(company("wrong@example.org", "Esimerkki Oy", "0201256-5")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("businessId"))
                .andExpect(jsonPath("$.errors[0].code").value("business-id-invalid"));
        mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(company("wrong@example.org", "Esimerkki Oy", "1234567-8")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("business-id-invalid"));
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(event)), Registration.class)).isZero();

        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(company("right@example.org", "Esimerkki Oy", " 0201256-6 ")))
                .andExpect(status().isAccepted());
        Registration stored = mongo.findOne(new Query(Criteria.where("eventId").is(event)), Registration.class);
        assertThat(stored.businessId()).isEqualTo("0201256-6");
        assertThat(stored.organisationName()).isEqualTo("Esimerkki Oy");
        // the participant travels sealed on the topic; what is sealed is what the registration says
        RegistrationChanged sealed = (RegistrationChanged) stored.moved(RegistrationStatus.CANCELLED, null, List.of()).payload();
        assertThat(sealed.participant().businessId()).isEqualTo("0201256-6");
        mvc.perform(get("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].businessId").value("0201256-6"));
    }

    @Test
    void aKnownAddressGetsTheSameAnswerToABadBusinessIdAsANewOne() throws Exception {
        String event = eventAsking("OPTIONAL", false);
        selfRegister(event, "known@example.org");

        mvc.perform(post("/public/events/" + event + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(company("known@example.org", "Esimerkki Oy", "0201256-5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("business-id-invalid"));
    }

    @Test
    void anEventRequiringTheBusinessIdRefusesARegistrationWithoutOneAndOneNotAskingKeepsNone() throws Exception {
        String requiring = eventAsking("REQUIRED", false);
        mvc.perform(post("/public/events/" + requiring + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(company("none@example.org", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'businessId')].code").value("NotBlank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'organisationName')].code").value("NotBlank"));
        assertThat(mongo.count(new Query(Criteria.where("eventId").is(requiring)), Registration.class)).isZero();

        String notAsking = eventAsking("NOT_ASKED", false);
        mvc.perform(post("/public/events/" + notAsking + "/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(company("given@example.org", "Esimerkki Oy", "0201256-5")))
                .andExpect(status().isAccepted());
        Registration kept = mongo.findOne(new Query(Criteria.where("eventId").is(notAsking)), Registration.class);
        assertThat(kept.email()).isEqualTo("given@example.org");
        assertThat(kept.businessId()).isNull();
    }

    @Test
    void anImportedListGivesEachRowsOrganisationAndBusinessIdCheckedAsTheEventAsks() throws Exception {
        String asking = eventAsking("OPTIONAL", false);
        String csv = "sähköposti;etunimi;sukunimi;organisaatio;y-tunnus\r\n"
                + "oikea@example.org;Olli;Oikea;Esimerkki Oy; 0201256-6 \r\n"
                + "vaara@example.org;Veera;Väärä;Esimerkki Oy;0201256-5\r\n"
                + "ilman@example.org;Iida;Ilman;;\r\n";
        mvc.perform(post("/api/events/" + asking + "/registrations/import").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType("text/csv").content(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.report[1].errors[0].field").value("businessId"))
                .andExpect(jsonPath("$.report[1].errors[0].code").value("business-id-invalid"));
        Registration right = mongo.findOne(new Query(Criteria.where("email").is("oikea@example.org").and("eventId").is(asking)),
                Registration.class);
        assertThat(right.businessId()).isEqualTo("0201256-6");
        assertThat(right.organisationName()).isEqualTo("Esimerkki Oy");
        Registration without = mongo.findOne(new Query(Criteria.where("email").is("ilman@example.org").and("eventId").is(asking)),
                Registration.class);
        assertThat(without.businessId()).isNull();
        assertThat(mongo.count(new Query(Criteria.where("email").is("vaara@example.org")), Registration.class)).isZero();

        // an event that does not ask keeps no business ID, from an import neither; the English header works too
        String notAsking = eventAsking("NOT_ASKED", false);
        mvc.perform(post("/api/events/" + notAsking + "/registrations/import").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType("text/csv").content("email,firstName,lastName,organisation,businessId\n"
                                + "muu@example.org,Mikko,Muu,Esimerkki Oy,0201256-6\n"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        Registration kept = mongo.findOne(new Query(Criteria.where("eventId").is(notAsking)), Registration.class);
        assertThat(kept.organisationName()).isEqualTo("Esimerkki Oy");
        assertThat(kept.businessId()).isNull();
    }
}
