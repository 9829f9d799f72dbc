package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Manual entry: possible duplicates are shown before anyone is entered twice; phones are E.164; bad input is a 4xx. */
class ContactEntryTest extends ContactsApiTestBase {

    MockHttpServletRequestBuilder entry(String body) {
        return post("/api/contacts").with(cityUser("kerava", "staff")).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aPossibleDuplicateIsAnsweredWithItsCandidatesAndEnteredOnlyWhenAllowed() throws Exception {
        mvc.perform(entry(person("Ville", "Virtanen", "ville.virtanen@example.org", "040 123 4567", HRI)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("+358401234567"));
        String first = mongo.findOne(new Query(), Contact.class).id();

        mvc.perform(entry(person("Ville", "Virtanen", "v.virtanen@example.org", null, HRI)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("possible-duplicates"))
                .andExpect(jsonPath("$.candidates.length()").value(1))
                .andExpect(jsonPath("$.candidates[0].id").value(first))
                .andExpect(jsonPath("$.candidates[0].matchedOn", containsInAnyOrder("name")));
        mvc.perform(entry(person("Vilho", "Wirtanen", null, "+358 40 123 4567", HRI)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[0].matchedOn", containsInAnyOrder("phone")));
        mvc.perform(entry(person("VILLE", "Vírtanen", null, "040-123 4567", HRI)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[0].matchedOn", containsInAnyOrder("name", "phone")));
        assertThat(mongo.count(new Query(), Contact.class)).as("nothing entered while candidates are open").isEqualTo(1);

        mvc.perform(post("/api/contacts?allowDuplicate=true").with(cityUser("kerava", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(person("Ville", "Virtanen", "v.virtanen@example.org", null, HRI)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/contacts?allowDuplicate=true").with(cityUser("kerava", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(person("Someone", "Else", "Ville.Virtanen@Example.org", null, HRI)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("duplicate-email"))
                .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("email")));
        assertThat(mongo.count(new Query(), Contact.class)).isEqualTo(2);
        assertThat(mongo.find(new Query(), ContactAudit.Entry.class)).extracting(ContactAudit.Entry::action)
                .containsExactly("created", "created");
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/contacts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/contacts/{id}/merge'].post").exists())
                .andExpect(jsonPath("$.paths['/api/contacts/{id}/consents/{consentId}/withdrawal'].post").exists())
                .andExpect(jsonPath("$.paths['/api/contacts/{id}/audit'].get").exists())
                .andExpect(jsonPath("$.paths['/api/contacts/export.xlsx'].get").exists())
                .andExpect(jsonPath("$.paths['/api/organisations/{id}'].put").exists());
    }

    @Test
    void peopleOfOtherCitiesAreNeitherCandidatesNorRevealed() throws Exception {
        String oulu = enter(cityUser("oulu", "staff"), person("Ville", "Virtanen", "ville@example.org", "040 111 2222", OULU));

        mvc.perform(entry(person("Ville", "Virtanen", "toinen.ville@example.org", null, HRI))).andExpect(status().isCreated());
        // the address of Oulu's person: linked, not looked at — the answer is what Kerava entered, as for a new address
        String linked = mvc.perform(post("/api/contacts?allowDuplicate=true").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(person("Ville", "Oulusta", "ville@example.org", null, HRI)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lastName").value("Oulusta"))
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.projectIds").value(org.hamcrest.Matchers.contains(HRI)))
                .andExpect(jsonPath("$.candidates").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String fresh = mvc.perform(post("/api/contacts?allowDuplicate=true").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(person("Ville", "Oulusta", "uusi.ville@example.org", null, HRI)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(shape(linked)).isEqualTo(shape(fresh).replace("uusi.ville@", "ville@"));
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(linked, "$.id")).isEqualTo(oulu); // one person, linked
        // Oulu still sees its own entry, not Kerava's
        mvc.perform(get("/api/contacts/" + oulu).with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.lastName").value("Virtanen")).andExpect(jsonPath("$.phone").value("+358401112222"))
                .andExpect(jsonPath("$.projectIds").value(org.hamcrest.Matchers.contains(OULU)));
    }

    /** An answer without what differs between any two entries: ids and times. */
    static String shape(String json) {
        return json.replaceAll("\"(id|createdAt|updatedAt|lastActivityAt|at)\":\"[^\"]*\"", "\"$1\":\"…\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "040 123 4567    | +358401234567",
        "09 310 1691     | +35893101691",
        "+46 8 123 456   | +468123456",
        "0046 8 123 456  | +468123456"})
    void phonesAreStoredInE164(String written, String stored) throws Exception {
        String id = enterInHri("Puhelin", "Numero", "p" + Math.abs(stored.hashCode()) + "@example.org");
        mvc.perform(put("/api/contacts/" + id).with(cityUser("hyvinkaa", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(person("Puhelin", "Numero", null, written, HRI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(stored));
        assertThat(mongo.findById(id, Contact.class).phone()).isEqualTo(stored);
    }

    @Test
    void aGarbagePhoneIsAFieldErrorAndNothingIsStored() throws Exception {
        for (String garbage : new String[] {"abc", "12345", "040 123 456x", "+0 40 123", "+358 1"}) {
            mvc.perform(entry(person("Ville", "Virtanen", null, garbage, HRI)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("phone"));
        }
        assertThat(mongo.count(new Query(), Contact.class)).isZero();
    }

    @Test
    void badInputIsAProblemWithA4xxNeverA500AndNothingIsStored() throws Exception {
        String valid = person("Ville", "Virtanen", "ville@example.org", null, HRI);
        String[][] cases = {
            {"{not json", "400"},
            {valid.replace("\"title\"", "\"unknownField\""), "400"},
            {valid.replace("\"language\": \"fi\"", "\"language\": \"de\""), "400"},
            {valid.replace("ville@example.org", "not-an-address"), "400"},
            {valid.replace("\"Ville\"", "\"" + "x".repeat(101) + "\""), "400"},
            {valid.replace("\"projectIds\": [\"hri\"]", "\"projectIds\": \"hri\""), "400"},
            {person("", "", "ville@example.org", null, HRI), "400"},
            {valid.replace("\"projectIds\": [\"hri\"]", "\"projectIds\": []"), "409"},
            {valid.replace("\"hri\"", "\"no-such-project\""), "404"},
            {valid.replace("\"hri\"", "\"" + OULU + "\""), "404"},
            {person("Ville", "Virtanen", null, null, HRI), "409"},
        };
        for (String[] bad : cases) {
            mvc.perform(entry(bad[0]))
                    .andExpect(status().is(Integer.parseInt(bad[1])))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/contacts?size=0").with(cityUser("kerava", "staff"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/contacts?sort=password").with(cityUser("kerava", "staff"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/contacts?page=x").with(cityUser("kerava", "staff"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/contacts?city=Not%20A%20City").with(cityUser("kerava", "staff"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/contacts/no-such-person").with(cityUser("kerava", "staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/contacts/no-such-person/consents").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\": \"SPAM\"}"))
                .andExpect(status().isBadRequest());
        assertThat(mongo.count(new Query(), Contact.class)).isZero();
    }
}
