package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Consents are recorded with purpose, legal basis, source, text or version and time, and withdrawn without being forgotten. */
class ConsentTest extends ContactsApiTestBase {

    static final String NEWSLETTER = """
            {"purpose": "NEWSLETTER", "legalBasis": "CONSENT", "source": "FORM",
             "text": "Haluan uutiskirjeen", "textVersion": "newsletter-2026-01"}
            """;

    @Test
    void aConsentIsGivenAndWithdrawnAndBothStayInTheHistory() throws Exception {
        String id = enterInHri("Ville", "Virtanen", "ville@example.org");

        String given = mvc.perform(post("/api/contacts/" + id + "/consents").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(NEWSLETTER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consents[0].purpose").value("NEWSLETTER"))
                .andExpect(jsonPath("$.consents[0].legalBasis").value("CONSENT"))
                .andExpect(jsonPath("$.consents[0].source").value("FORM"))
                .andExpect(jsonPath("$.consents[0].text").value("Haluan uutiskirjeen"))
                .andExpect(jsonPath("$.consents[0].textVersion").value("newsletter-2026-01"))
                .andExpect(jsonPath("$.consents[0].givenAt").exists())
                .andExpect(jsonPath("$.consents[0].recordedBy").value("kerava.user"))
                .andExpect(jsonPath("$.consents[0].withdrawnAt").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String consentId = JsonPath.read(given, "$.consents[0].id");

        // a consent staff record is their city's: Hyvinkää, a partner in the same project, neither sees nor withdraws it
        mvc.perform(get("/api/contacts/" + id).with(cityUser("hyvinkaa", "staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.consents.length()").value(0));
        mvc.perform(post("/api/contacts/" + id + "/consents/" + consentId + "/withdrawal").with(cityUser("hyvinkaa", "staff")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/contacts/" + id + "/consents/" + consentId + "/withdrawal").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consents.length()").value(1))
                .andExpect(jsonPath("$.consents[0].scope").value("city:kerava"))
                .andExpect(jsonPath("$.consents[0].withdrawnAt").exists())
                .andExpect(jsonPath("$.consents[0].withdrawnBy").value("kerava.user"));
        mvc.perform(post("/api/contacts/" + id + "/consents/" + consentId + "/withdrawal").with(cityUser("kerava", "staff")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("consent-withdrawn"));
        mvc.perform(post("/api/contacts/" + id + "/consents/no-such-consent/withdrawal").with(cityUser("kerava", "staff")))
                .andExpect(status().isNotFound());

        // given again later: a new record, the withdrawn one stays
        mvc.perform(post("/api/contacts/" + id + "/consents").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(NEWSLETTER.replace("\"FORM\"", "\"STAFF\"")))
                .andExpect(jsonPath("$.consents.length()").value(2))
                .andExpect(jsonPath("$.consents[1].withdrawnAt").doesNotExist());

        mvc.perform(get("/api/contacts/" + id + "/audit").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[0].action").value("consent-given"))
                .andExpect(jsonPath("$.items[1].action").value("consent-withdrawn"))
                .andExpect(jsonPath("$.items[1].details.consentId").value(consentId))
                .andExpect(jsonPath("$.items[2].action").value("consent-given"))
                .andExpect(jsonPath("$.items[2].details.purpose").value("NEWSLETTER"));
        assertThat(mongo.findById(id, Contact.class).hasActiveConsent()).isTrue();
    }

    @Test
    void aConsentNeedsItsTextOrVersionAndKnownPurposeBasisAndSource() throws Exception {
        String id = enterInHri("Ville", "Virtanen", "ville@example.org");
        for (String bad : new String[] {
            NEWSLETTER.replace("\"text\": \"Haluan uutiskirjeen\", \"textVersion\": \"newsletter-2026-01\"", "\"text\": \" \""),
            NEWSLETTER.replace("NEWSLETTER", "MARKETING"),
            NEWSLETTER.replace("\"CONSENT\"", "\"BECAUSE\""),
            NEWSLETTER.replace("\"FORM\"", "null")}) {
            mvc.perform(post("/api/contacts/" + id + "/consents").with(cityUser("kerava", "staff"))
                            .contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest());
        }
        assertThat(mongo.findById(id, Contact.class).consents()).isEmpty();
    }
}
