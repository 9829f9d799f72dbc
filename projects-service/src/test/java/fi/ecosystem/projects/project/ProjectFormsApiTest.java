package fi.ecosystem.projects.project;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the UI's forms need of the API: the cities by name, the home's one call, a funder whose amount is not known, codes per field. */
class ProjectFormsApiTest extends ProjectsApiTestBase {

    static final RequestPostProcessor MANAGER = cityUser("helsinki", "staff", "project-manager");
    static final String WITH_FUNDING = """
            {"acronym": "KASVU", "name": {"fi": "Kasvun ekosysteemit"}, "startDate": "2018-08-01", "endDate": "2021-06-30",
             "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo"], "totalBudgetEur": 4400000,
             "funding": [{"funder": "6Aika", "programme": null, "amountEur": null}, {"funder": "EAKR", "amountEur": 1000000}]}
            """;

    @BeforeEach
    void emptyStore() {
        mongo.dropCollection(Project.class);
        mongo.dropCollection(ProjectAudit.Entry.class);
    }

    @Test
    void theCitiesAreAnsweredWithTheirNamesInEveryLanguage() throws Exception {
        mvc.perform(get("/api/projects/cities").with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.alias == 'helsinki')].name.fi").value(hasItem("Helsinki")))
                .andExpect(jsonPath("$[?(@.alias == 'helsinki')].name.sv").value(hasItem("Helsingfors")))
                .andExpect(jsonPath("$[?(@.alias == 'hyvinkaa')].name.en").value(hasItem("Hyvinkää")))
                .andExpect(jsonPath("$[?(@.alias == 'uusimaa')].name.en").value(hasItem("Helsinki-Uusimaa Regional Council")));
        mvc.perform(get("/api/projects/cities")).andExpect(status().isUnauthorized());
    }

    @Test
    void aProjectWhoseFunderHasNoKnownAmountIsSavedAgainUnchanged() throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/projects").with(MANAGER).contentType(MediaType.APPLICATION_JSON).content(WITH_FUNDING))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(put("/api/projects/" + id).with(MANAGER).contentType(MediaType.APPLICATION_JSON).content(WITH_FUNDING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.funding[0].amountEur").value(nullValue()))
                .andExpect(jsonPath("$.funding[1].amountEur").value(1000000));
    }

    @Test
    void aFieldErrorNamesTheRuleItBreaks() throws Exception {
        mvc.perform(post("/api/projects").with(MANAGER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"acronym": "X", "name": {"fi": "X"}, "startDate": "2018-08-01", "leadCity": "helsinki",
                         "participatingCities": ["helsinki"], "partners": [{"organisation": "Kiertoaamu Oy"}],
                         "funding": [{"funder": "EAKR", "amountEur": -1}]}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'partners[0].role')].code").value(hasItem("NotNull")))
                .andExpect(jsonPath("$.errors[?(@.field == 'funding[0].amountEur')].code").value(hasItem("Min")));
    }

    @Test
    void theListCarriesTheIndicatorsProgressOnlyWhenAsked() throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/projects").with(MANAGER).contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(put("/api/projects/" + id + "/indicators/growth").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": {\"fi\": \"Kasvuohjelmat\"}, \"unit\": \"pcs\", \"target\": 8}")).andExpect(status().isOk());
        mvc.perform(post("/api/projects/" + id + "/indicators/growth/values").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\": \"2020\", \"value\": 5}")).andExpect(status().isOk());
        mvc.perform(get("/api/projects?include=indicators").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].indicators[0].code").value("growth"))
                .andExpect(jsonPath("$.items[0].indicators[0].actual").value(5))
                .andExpect(jsonPath("$.items[0].indicators[0].target").value(8))
                .andExpect(jsonPath("$.items[0].indicators[0].history").doesNotExist());
        mvc.perform(get("/api/projects").with(MANAGER))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].indicators").doesNotExist());
        mvc.perform(get("/api/projects?include=everything").with(MANAGER)).andExpect(status().isBadRequest());
    }
}
