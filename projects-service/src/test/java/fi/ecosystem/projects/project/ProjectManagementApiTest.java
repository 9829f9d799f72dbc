package fi.ecosystem.projects.project;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Editing projects, work packages and indicators; search, export and the audit trail. */
class ProjectManagementApiTest extends ProjectsApiTestBase {

    static final RequestPostProcessor MANAGER = cityUser("helsinki", "staff", "project-manager");

    @BeforeEach
    void emptyStore() {
        mongo.dropCollection(Project.class);
        mongo.dropCollection(ProjectAudit.Entry.class);
    }

    String plan(String body) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/projects").with(MANAGER).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    /** Every write endpoint, as a request builder for a given project (created ended, with an indicator and a work package). */
    static Stream<Arguments> writeEndpoints() {
        return Stream.of(
                Arguments.of("edit", (Function<String, MockHttpServletRequestBuilder>) id -> put("/api/projects/" + id)
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN)),
                Arguments.of("status", (Function<String, MockHttpServletRequestBuilder>) id -> put("/api/projects/" + id + "/status")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"ACTIVE\"}")),
                Arguments.of("work package", (Function<String, MockHttpServletRequestBuilder>) id -> put("/api/projects/" + id + "/work-packages/2")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": {\"fi\": \"Strategiat\"}, \"responsiblePartner\": \"Helsinki\"}")),
                Arguments.of("remove work package", (Function<String, MockHttpServletRequestBuilder>) id -> delete("/api/projects/" + id + "/work-packages/1")),
                Arguments.of("indicator", (Function<String, MockHttpServletRequestBuilder>) id -> put("/api/projects/" + id + "/indicators/ecosystems")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": {\"fi\": \"Ekosysteemit\"}, \"unit\": \"pcs\", \"target\": 8}")),
                Arguments.of("report", (Function<String, MockHttpServletRequestBuilder>) id -> post("/api/projects/" + id + "/indicators/growth-programmes/values")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"2020\", \"value\": 5}")));
    }

    String projectWithParts() throws Exception {
        String id = plan(PLAN);
        mvc.perform(put("/api/projects/" + id + "/work-packages/1").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": {\"fi\": \"Tilannekuva\"}}")).andExpect(status().isOk());
        mvc.perform(put("/api/projects/" + id + "/indicators/growth-programmes").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": {\"fi\": \"Kasvuohjelmat\"}, \"unit\": \"pcs\", \"target\": 8}")).andExpect(status().isOk());
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeEndpoints")
    void everyWriteEndpointFollowsTheAccessRule(String name, Function<String, MockHttpServletRequestBuilder> request) throws Exception {
        String id = projectWithParts();
        long auditBefore = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ProjectAudit.Entry.class);

        mvc.perform(request.apply(id)).andExpect(status().isUnauthorized());
        mvc.perform(request.apply(id).with(cityUser("oulu", "staff", "project-manager"))).andExpect(status().isNotFound());
        mvc.perform(request.apply(id).with(integrator("oulu", "projects:write"))).andExpect(status().isNotFound());
        mvc.perform(request.apply(id).with(cityUser("espoo", "staff"))).andExpect(status().isForbidden());
        mvc.perform(request.apply(id).with(integrator("espoo", "projects:read"))).andExpect(status().isForbidden());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), ProjectAudit.Entry.class))
                .as("refused calls change nothing").isEqualTo(auditBefore);

        mvc.perform(request.apply(id).with(cityUser("espoo", "staff", "project-manager"))).andExpect(status().is2xxSuccessful());
        String second = projectWithParts();
        mvc.perform(request.apply(second).with(integrator("helsinki", "projects:write"))).andExpect(status().is2xxSuccessful());
    }

    @Test
    void theAuditTrailSaysWhoChangedWhatAndIsForManagersOnly() throws Exception {
        String id = plan(PLAN);
        mvc.perform(put("/api/projects/" + id + "/status").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"ACTIVE\"}")).andExpect(status().isOk());

        mvc.perform(get("/api/projects/" + id + "/audit").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].action").value("status changed"))
                .andExpect(jsonPath("$.items[0].actor").value("helsinki-user"))
                .andExpect(jsonPath("$.items[0].changes[0].field").value("status"))
                .andExpect(jsonPath("$.items[0].changes[0].before").value("PLANNED"))
                .andExpect(jsonPath("$.items[0].changes[0].after").value("ACTIVE"));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = TopicProbe.awaitRecord(
                kafka.getBrokersAsString(), Topics.PROJECTS,
                record -> id.equals(record.key()) && record.value().contains("status-changed"), Duration.ofSeconds(20));
        assertThat(records).filteredOn(record -> id.equals(record.key()))
                .anySatisfy(record -> assertThat(record.value()).contains("\"change\":\"created\""));
        mvc.perform(get("/api/projects/" + id + "/audit").with(cityUser("espoo", "staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/projects/" + id + "/audit").with(cityUser("oulu", "staff", "project-manager"))).andExpect(status().isNotFound());
    }

    @Test
    void anEndedProjectIsContinuedByAnotherAndBothShowIt() throws Exception {
        String ended = plan(PLAN);
        String successor = plan(PLAN.replace("KASVU", "KASVU2"));
        for (String status : List.of("ACTIVE", "ENDED")) {
            mvc.perform(put("/api/projects/" + ended + "/status").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"status\": \"" + status + "\"}")).andExpect(status().isOk());
        }

        mvc.perform(post("/api/projects/" + ended + "/continuation").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"successorId\": \"" + successor + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONTINUED"))
                .andExpect(jsonPath("$.continuedBy").value(successor));
        mvc.perform(get("/api/projects/" + successor).with(MANAGER)).andExpect(jsonPath("$.continues").value(ended));
        mvc.perform(post("/api/projects/" + successor + "/continuation").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"successorId\": \"" + ended + "\"}")).andExpect(status().isConflict());
    }

    @Test
    void indicatorsKeepTheirHistoryAndLiveCountsComeFromTheTopics() throws Exception {
        String id = projectWithParts();
        mvc.perform(put("/api/projects/" + id + "/indicators/events-held").with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": {\"fi\": \"Tapahtumat\"}, \"unit\": \"pcs\", \"target\": 20, \"feed\": \"EVENTS_HELD\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/projects/" + id + "/indicators/growth-programmes/values").with(MANAGER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"2019\", \"value\": 3}")).andExpect(status().isOk());
        mvc.perform(post("/api/projects/" + id + "/indicators/growth-programmes/values").with(MANAGER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"2020-H1\", \"value\": 8}")).andExpect(status().isOk());
        mvc.perform(post("/api/projects/" + id + "/indicators/events-held/values").with(MANAGER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"2020\", \"value\": 8}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("indicator-live"));
        mvc.perform(post("/api/projects/" + id + "/indicators/growth-programmes/values").with(MANAGER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"last year\", \"value\": 8}"))
                .andExpect(status().isBadRequest());
        String published = """
                {"id": "%s", "type": "event.changed", "version": 1,
                 "data": {"eventId": "boost-your-business", "projectId": "%s", "status": "PUBLISHED", "capacity": 100}}
                """;
        TopicProbe.send(kafka.getBrokersAsString(), Topics.EVENTS, "boost", published.formatted("e-1", id));
        TopicProbe.send(kafka.getBrokersAsString(), Topics.EVENTS, "boost", published.formatted("e-1", id));
        TopicProbe.send(kafka.getBrokersAsString(), Topics.EVENTS, "boost", published.formatted("e-2", id)); // same event, changed again

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(id, Project.class).eventsHeld() == 1);
        mvc.perform(get("/api/projects/" + id).with(MANAGER))
                .andExpect(jsonPath("$.indicators[?(@.code == 'growth-programmes')].actual").value(8))
                .andExpect(jsonPath("$.indicators[?(@.code == 'growth-programmes')].history.length()").value(2))
                .andExpect(jsonPath("$.indicators[?(@.code == 'events-held')].actual").value(1));
    }

    @Test
    void theListFiltersSearchesSortsAndPages() throws Exception {
        plan(PLAN);
        plan("""
                {"acronym": "HRI", "name": {"fi": "Helsinki Ring of Industry"}, "startDate": "2021-01-01", "endDate": "2023-12-31",
                 "leadCity": "helsinki", "participatingCities": ["helsinki", "kerava"], "themes": ["MANUFACTURING", "LOGISTICS"],
                 "totalBudgetEur": 500000, "funding": [{"funder": "Uudenmaan liitto", "programme": "AKKE", "amountEur": 400000}]}
                """);
        plan(PLAN.replace("KASVU", "OULU").replace("\"helsinki\", \"espoo\"", "\"helsinki\", \"oulu\"")
                .replace("Kasvun ekosysteemit", "Pohjoisen kasvu"));

        mvc.perform(get("/api/projects?q=kasvun").with(MANAGER)).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/projects?q=kasv").with(MANAGER)).andExpect(jsonPath("$.totalItems").value(2));
        mvc.perform(get("/api/projects?q=growth eco").with(MANAGER)).andExpect(jsonPath("$.totalItems").value(2));
        mvc.perform(get("/api/projects?q=pohjoisen KASVU").with(MANAGER)).andExpect(jsonPath("$.items[0].acronym").value("OULU"));
        mvc.perform(get("/api/projects?theme=LOGISTICS").with(MANAGER)).andExpect(jsonPath("$.items[0].acronym").value("HRI"));
        mvc.perform(get("/api/projects?funder=uudenmaan liitto").with(MANAGER)).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/projects?city=oulu").with(MANAGER)).andExpect(jsonPath("$.items[0].acronym").value("OULU"));
        mvc.perform(get("/api/projects?from=2022-01-01").with(MANAGER)).andExpect(jsonPath("$.items[0].acronym").value("HRI"));
        mvc.perform(get("/api/projects?status=PLANNED&sort=-startDate&size=2&page=0").with(MANAGER))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items[0].acronym").value("HRI"));
        mvc.perform(get("/api/projects?city=oulu").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/projects?theme=NOT_A_THEME").with(MANAGER)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/projects?sort=password").with(MANAGER)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/projects?from=yesterday").with(MANAGER)).andExpect(status().isBadRequest());
    }

    @Test
    void aListExportsAsCsvForFinnishExcelAndAsXlsx() throws Exception {
        plan(PLAN.replace("Kasvun ekosysteemit", "=HYPERLINK(\\\"x\\\"); hanke"));

        byte[] csv = mvc.perform(get("/api/projects/export.csv?lang=en").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"projects.csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        // for people: headers, status and cities in words of the chosen language
        assertThat(text).startsWith("\uFEFFCode;Acronym;Name;Status;Starts;Ends;Lead city;Participating cities;Budget (€)");
        assertThat(text).contains(";KASVU;Growth Ecosystems;Planned;2018-08-01;2021-06-30;Helsinki;Espoo, Helsinki;0;");
        String swedish = new String(mvc.perform(get("/api/projects/export.csv?lang=sv").with(MANAGER)).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(swedish).startsWith("\uFEFFKod;Förkortning;Namn;Status").contains(";Planerat;2018-08-01;2021-06-30;Helsingfors;Esbo, Helsingfors;")
                .doesNotContain("PLANNED");
        byte[] csvFi = mvc.perform(get("/api/projects/export.csv").with(MANAGER)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csvFi, StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"x\"\"); hanke\"");

        byte[] xlsx = mvc.perform(get("/api/projects/export.xlsx").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK"); // a zip, as xlsx files are
        java.nio.file.Path file = java.nio.file.Files.createTempFile("projects", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            StringBuilder sheets = new StringBuilder();
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/")) {
                    sheets.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(sheets.toString()).contains("KASVU", "Osallistujakaupungit", "Suunniteltu").doesNotContain("participatingCities");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        mvc.perform(get("/api/projects/export.csv").with(integrator("helsinki", "events:read"))).andExpect(status().isForbidden());
    }

    @Test
    void aFullEditReplacesTheDescriptionAndKeepsWorkPackagesAndIndicators() throws Exception {
        String id = projectWithParts();
        String edited = """
                {"acronym": "SEUTU", "name": {"fi": "Seutukaupunkien verkosto", "sv": "Regionstädernas nätverk"},
                 "startDate": "2024-01-01", "leadCity": "helsinki", "participatingCities": ["helsinki", "iisalmi"],
                 "totalBudgetEur": 1000000, "funding": [{"funder": "Uudenmaan liitto", "amountEur": 800000}],
                 "partners": [{"organisation": "Iisalmen kaupunki", "city": "iisalmi", "role": "LEAD"}],
                 "contacts": [{"name": "Maija Meikäläinen", "role": "PROJECT_MANAGER", "email": "maija@example.org"}],
                 "publications": [{"title": "Loppuraportti", "url": "https://example.org/raportti.pdf"}],
                 "themes": ["SMART_CITIZEN"]}
                """;

        mvc.perform(put("/api/projects/" + id).with(MANAGER).contentType(MediaType.APPLICATION_JSON).content(edited))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name.sv").value("Regionstädernas nätverk"))
                .andExpect(jsonPath("$.partners[0].role").value("LEAD"))
                .andExpect(jsonPath("$.workPackages.length()").value(1))
                .andExpect(jsonPath("$.indicators.length()").value(1));
        mvc.perform(put("/api/projects/" + id).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content(edited.replace("800000", "1800000")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("funding-exceeds-budget"));
        mvc.perform(put("/api/projects/" + id).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content(edited.replace("https://example.org/raportti.pdf", "javascript:alert(1)")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/projects/" + id).with(MANAGER)).andExpect(jsonPath("$.totalBudgetEur").value(1000000));
    }

    @Test
    void onlyTheLeadCityOrAnAdminChangesWhoTakesPartAndWhoLeads() throws Exception {
        String id = plan(PLAN);
        RequestPostProcessor partner = cityUser("espoo", "staff", "project-manager");
        String evictTheLead = PLAN.replace("\"leadCity\": \"helsinki\", \"participatingCities\": [\"helsinki\", \"espoo\"]",
                "\"leadCity\": \"espoo\", \"participatingCities\": [\"espoo\"]");
        String addVantaa = PLAN.replace("[\"helsinki\", \"espoo\"]", "[\"helsinki\", \"espoo\", \"vantaa\"]");

        for (String change : List.of(evictTheLead, addVantaa)) {
            mvc.perform(put("/api/projects/" + id).with(partner).contentType(MediaType.APPLICATION_JSON).content(change))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("lead-city-only"));
        }
        mvc.perform(get("/api/projects/" + id).with(MANAGER))
                .andExpect(jsonPath("$.leadCity").value("helsinki"))
                .andExpect(jsonPath("$.participatingCities.length()").value(2));

        // the partner's other edits are as before
        mvc.perform(put("/api/projects/" + id).with(partner).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("Growth Ecosystems", "Growth Ecosystems Espoo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name.en").value("Growth Ecosystems Espoo"));
        // the lead city and an admin decide who takes part
        mvc.perform(put("/api/projects/" + id).with(MANAGER).contentType(MediaType.APPLICATION_JSON).content(addVantaa))
                .andExpect(status().isOk()).andExpect(jsonPath("$.participatingCities.length()").value(3));
        mvc.perform(put("/api/projects/" + id).with(integrator("helsinki", "projects:write")).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN)).andExpect(status().isOk()).andExpect(jsonPath("$.participatingCities.length()").value(2));
        mvc.perform(put("/api/projects/" + id).with(cityUser("espoo", "staff", "admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(evictTheLead))
                .andExpect(status().isOk()).andExpect(jsonPath("$.leadCity").value("espoo"));
    }
}
