package fi.ecosystem.projects.reporting;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged.Participant;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Figures counted from evidence, locking and corrections, the lists behind the figures and who may see them:
 * against the embedded store, the evidence handed in as the subscriptions hand it.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
class ReportingApiTest {

    static final String PLAN = """
            {"acronym": "KASVU", "name": {"fi": "Kasvun ekosysteemit", "en": "Growth Ecosystems"},
             "startDate": "2019-01-01", "endDate": "2020-12-31", "totalBudgetEur": 4400000,
             "funding": [{"funder": "Uudenmaan liitto", "programme": "6Aika", "amountEur": 3000000}],
             "partners": [{"organisation": "Helsingin kaupunki", "city": "helsinki", "role": "LEAD"},
                          {"organisation": "Espoon kaupunki", "city": "espoo", "role": "CO_IMPLEMENTER"}],
             "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo"]}
            """;
    static final String COMPANY = "2345678-6";

    static final StubEventsService EVENTS_SERVICE = new StubEventsService();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "reporting-api-test");
        registry.add("ecosystem.reporting.events-service-url", EVENTS_SERVICE::url);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Evidence evidence;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    fi.ecosystem.contracts.EmailHash emailHash;
    @Autowired
    fi.ecosystem.projects.gdpr.ProjectContactErasure erasure;

    String projectId;

    @BeforeEach
    void planProjectWithEvidence() throws Exception {
        List.of(EventFact.class, AttendanceFact.class, Correction.class, ReportingPeriod.class)
                .forEach(collection -> mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection));
        String body = mvc.perform(post("/api/projects").with(cityUser("helsinki", "staff", "project-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        projectId = JsonPath.read(body, "$.id");
        // a growth programme in Helsinki and a seminar in Espoo, both held in spring 2019; each delivered twice
        for (int delivery = 0; delivery < 2; delivery++) {
            event("programme", "GROWTH_PROGRAMME", "helsinki", "2019-03-10T15:00:00Z", false);
            event("seminar", "SEMINAR", "espoo", "2019-04-01T15:00:00Z", false);
            event("test-event", "WEBINAR", "helsinki", "2019-05-01T15:00:00Z", true);
        }
        // one company's two people: one in two sessions of the programme, the other at the seminar
        for (int delivery = 0; delivery < 2; delivery++) {
            attend("a-programme", "programme", "s1", "aino@example.org", COMPANY, "2019-02-01T10:00:00Z", "env-a1");
            attend("a-programme", "programme", "s2", "aino@example.org", COMPANY, "2019-03-10T10:00:00Z", "env-a2");
            attend("b-seminar", "seminar", null, "bertta@example.org", COMPANY, "2019-04-01T10:00:00Z", "env-b");
            attend("c-test", "test-event", null, "cecilia@example.org", "3456789-1", "2019-05-01T10:00:00Z", "env-c");
        }
    }

    @Test
    void figuresCountRedeliveredEventsOnceCompaniesOnceAndNeverExcludedEvents() throws Exception {
        periodOf("2019-H1", "espoo")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(figure("EVENTS_HELD", "periodValue", 2))
                .andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 2))
                .andExpect(figure("ENTERPRISES_SUPPORTED", "periodValue", 1))
                .andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 1))
                .andExpect(figure("PARTICIPANTS_REACHED", "cumulativeValue", 2));
        periodOf("2019-H2", "helsinki")
                .andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 0))
                .andExpect(figure("PARTICIPANTS_REACHED", "cumulativeValue", 2));

        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/ENTERPRISES_SUPPORTED", projectId)
                        .with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].businessId").value(COMPANY))
                .andExpect(jsonPath("$.items[0].attendances").value(3));
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/EVENTS_HELD", projectId)
                        .with(cityUser("espoo", "staff")))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].eventId").value(containsInAnyOrder("programme", "seminar")));
    }

    @Test
    void aCheckInTakenBackNoLongerCountsAndARedeliveredToggleChangesNothing() throws Exception {
        RegistrationChanged withdrawal = registration("b-seminar", "seminar", null, "bertta@example.org", COMPANY,
                "2019-04-01T11:00:00Z");
        evidence.attendanceChanged(RegistrationChanged.NO_SHOW, "env-b-no-show", withdrawal, Instant.now());
        periodOf("2019-H1", "helsinki").andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 1))
                .andExpect(figure("ENTERPRISES_SUPPORTED", "periodValue", 1));

        RegistrationChanged secondSession = registration("a-programme", "programme", "s2", "aino@example.org", COMPANY,
                "2019-03-10T12:00:00Z");
        evidence.attendanceChanged(RegistrationChanged.SESSION_ATTENDANCE, "env-a2-undo", secondSession, Instant.now());
        evidence.attendanceChanged(RegistrationChanged.SESSION_ATTENDANCE, "env-a2-undo", secondSession, Instant.now());
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/PARTICIPANTS_REACHED", projectId)
                        .with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].attendances").value(1));
    }

    @Test
    void aLockedPeriodKeepsItsFiguresAndALateCheckInBecomesACorrection() throws Exception {
        lifecycle("2019-H1", "submission").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        lifecycle("2019-H1", "lock").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LOCKED"))
                .andExpect(figure("PARTICIPANTS_REACHED", "lockedPeriodValue", 2));

        // checked in to the seminar of April only in September, after the lock
        attend("d-seminar", "seminar", null, "daniel@example.org", "4567890-7", "2019-09-02T08:00:00Z", "env-d");
        attend("d-seminar", "seminar", null, "daniel@example.org", "4567890-7", "2019-09-02T08:00:00Z", "env-d");

        periodOf("2019-H1", "espoo")
                .andExpect(jsonPath("$.status").value("LOCKED"))
                .andExpect(figure("PARTICIPANTS_REACHED", "lockedPeriodValue", 2))
                .andExpect(figure("ENTERPRISES_SUPPORTED", "lockedPeriodValue", 1))
                .andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 3))
                .andExpect(jsonPath("$.corrections[*].figure",
                        containsInAnyOrder("PARTICIPANTS_REACHED", "ENTERPRISES_SUPPORTED")))
                .andExpect(jsonPath("$.corrections[*].periodDelta", contains(1, 1)))
                .andExpect(jsonPath("$.corrections[*].reason", contains("late-attendance", "late-attendance")));
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/PARTICIPANTS_REACHED", projectId)
                        .with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.items[*].afterLock", containsInAnyOrder(false, false, true)))
                .andExpect(jsonPath("$.items[*].eventId", containsInAnyOrder("programme", "seminar", "seminar")));
        // the late check-in belongs to the locked period, not to the open one it arrived in
        periodOf("2019-H2", "helsinki").andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 0))
                .andExpect(figure("PARTICIPANTS_REACHED", "cumulativeValue", 3));

        mvc.perform(put("/api/projects/{id}/reporting-periods/2019-H1", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startDate\": \"2019-01-01\", \"endDate\": \"2019-07-31\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reporting-period-not-open"));
    }

    @Test
    void onlyTheLeadCitysProjectManagerSubmitsAndOtherCitiesAndStrangersSeeNothing() throws Exception {
        lifecycle("2019-H1", "submission", cityUser("espoo", "staff", "project-manager"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        lifecycle("2019-H1", "submission", cityUser("helsinki", "staff")).andExpect(status().isForbidden());
        periodOf("2019-H1", "espoo").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));

        periodOf("2019-H1", "tampere").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/EVENTS_HELD", projectId)
                        .with(cityUser("tampere", "staff", "project-manager")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/projects/{id}/reporting-periods", projectId)).andExpect(status().isUnauthorized());
        // integrators by scope: a city's client with projects:read reads; without the scope or of another city it
        // gets what a stranger gets (404, the access rule's answer for one project); reading is not submitting
        mvc.perform(get("/api/projects/{id}/reporting-periods", projectId).with(integrator("helsinki", "projects:read")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4));
        mvc.perform(get("/api/projects/{id}/reporting-periods", projectId).with(integrator("helsinki", "events:read")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/projects/{id}/reporting-periods", projectId).with(integrator("tampere", "projects:read")))
                .andExpect(status().isNotFound());
        lifecycle("2019-H1", "submission", integrator("helsinki", "projects:read")).andExpect(status().isForbidden());
        mvc.perform(get("/api/projects/{id}/reporting-periods", projectId).with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].label").value("2019-H1"))
                .andExpect(jsonPath("$[3].endDate").value("2020-12-31"));
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/NOT_A_FIGURE", projectId)
                        .with(cityUser("helsinki", "staff")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theReportPackWorkbookAndSummaryShowTheFiguresTheirListsAndTheCorrections() throws Exception {
        mvc.perform(put("/api/projects/{id}/indicators/participants", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": {\"fi\": \"Osallistujat\"}, \"unit\": \"hlö\", \"target\": 500, "
                                + "\"baseline\": 0, \"feed\": \"PARTICIPANTS_REACHED\"}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/projects/{id}/indicators/growth-programmes", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": {\"fi\": \"Rakennetut kasvuohjelmat\", \"sv\": \"Byggda tillväxtprogram\"}, "
                                + "\"unit\": \"kpl\", \"target\": 8}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/projects/{id}/indicators/growth-programmes/values", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\": \"2019-H1\", \"value\": 3}"))
                .andExpect(status().isOk());
        lifecycle("2019-H1", "submission").andExpect(status().isOk());
        lifecycle("2019-H1", "lock").andExpect(status().isOk());
        attend("d-seminar", "seminar", null, "daniel@example.org", "4567890-7", "2019-09-02T08:00:00Z", "env-d");

        byte[] xlsx = mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/report.xlsx", projectId)
                        .param("lang", "sv").with(cityUser("espoo", "staff")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            List<String> sheets = new java.util.ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Indikatorer", "Evenemang", "Deltagande per tillfälle", "Företag",
                    "Deltagare", "Slutföranden", "Rapporterat av personalen", "Korrigeringar");
            org.apache.poi.ss.usermodel.Sheet indicators = book.getSheet("Indikatorer");
            org.apache.poi.ss.usermodel.Row participants = indicators.getRow(2);
            assertThat(participants.getCell(0).getStringCellValue()).isEqualTo("Nådda deltagare");
            assertThat(participants.getCell(2).getNumericCellValue()).isEqualTo(500);
            assertThat(participants.getCell(4).getNumericCellValue()).isEqualTo(3); // locked 2, corrected by the late check-in
            assertThat(participants.getCell(6).getNumericCellValue()).isEqualTo(2);
            assertThat(indicators.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Byggda tillväxtprogram");
            assertThat(indicators.getRow(5).getCell(4).getNumericCellValue()).isEqualTo(3);
            org.apache.poi.ss.usermodel.Sheet companies = book.getSheet("Företag");
            assertThat(companies.getLastRowNum()).isEqualTo(2);
            assertThat(List.of(companies.getRow(1).getCell(0).getStringCellValue(), companies.getRow(2).getCell(0).getStringCellValue()))
                    .containsExactlyInAnyOrder(COMPANY, "4567890-7");
            double checkIns = 0;
            org.apache.poi.ss.usermodel.Sheet attendance = book.getSheet("Deltagande per tillfälle");
            for (int r = 1; r <= attendance.getLastRowNum(); r++) {
                checkIns += attendance.getRow(r).getCell(4).getNumericCellValue();
            }
            assertThat(checkIns).isEqualTo(4); // two sessions of the programme, two people at the seminar; not the test event
            assertThat(book.getSheet("Evenemang").getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheet("Korrigeringar").getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheet("Korrigeringar").getRow(1).getCell(3).getStringCellValue())
                    .isEqualTo("Sen incheckning efter låsningen");
            assertThat(book.getSheet("Rapporterat av personalen").getRow(1).getCell(3).getStringCellValue())
                    .isEqualTo("helsinki.user");
        }

        byte[] pdf = mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/report.pdf", projectId)
                        .with(cityUser("helsinki", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Raportti rahoittajalle", "Kasvun ekosysteemit (KASVU)", "2019-H1", "Lukittu",
                    "Helsingin kaupunki", "Espoon kaupunki", "Uudenmaan liitto, 6Aika: 3000000 €",
                    "Tavoitetut osallistujat 500 0 3 3 2", "Tuetut yritykset", "Rakennetut kasvuohjelmat 8 0 3 3",
                    "Myöhäinen kirjautuminen lukitsemisen jälkeen");
            assertThat(text).doesNotContain("daniel@example.org", "Etu", "Suku");
        }
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/report.pdf", projectId)
                        .with(cityUser("tampere", "staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCompletionNeedsTheProgrammesThresholdOfDistinctSessions() throws Exception {
        // Eero attended only the first of the programme's sessions, twice delivered
        attend("e-programme", "programme", "s1", "eero@example.org", null, "2019-02-01T10:00:00Z", "env-e1");
        attend("e-programme", "programme", "s1", "eero@example.org", null, "2019-02-01T10:00:00Z", "env-e1");
        // the messages of before the threshold: one attended session completed
        periodOf("2019-H1", "helsinki").andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 2));

        programme(2); // the organiser's threshold (or all of its two sessions)
        periodOf("2019-H1", "helsinki").andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 1))
                .andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 3));
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/GROWTH_PROGRAMME_COMPLETIONS", projectId)
                        .with(cityUser("espoo", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].attendances").value(2))
                .andExpect(jsonPath("$.items[0].countsOn").value("2019-03-10"));

        programme(3); // more sessions than anyone attended: nobody completed
        periodOf("2019-H1", "helsinki").andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 0));
        programme(1);
        periodOf("2019-H1", "helsinki").andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 2));

        // a threshold changed after the lock is a correction, the locked figure stays
        lifecycle("2019-H1", "submission").andExpect(status().isOk());
        lifecycle("2019-H1", "lock").andExpect(status().isOk());
        programme(2);
        periodOf("2019-H1", "helsinki")
                .andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "lockedPeriodValue", 2))
                .andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 1))
                .andExpect(jsonPath("$.corrections[*].reason", contains("late-event-change")));
    }

    @Test
    void theLeadCitysManagerAddsAndRemovesPeriodsWithinTheProjectWithoutOverlap() throws Exception {
        String manager = "{\"label\": \"%s\", \"startDate\": \"%s\", \"endDate\": \"%s\"}";
        addPeriod(manager.formatted("2019-Q1", "2019-01-01", "2019-03-31"), cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("reporting-period-overlap"));
        mvc.perform(delete("/api/projects/{id}/reporting-periods/2020-H2", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isNoContent());
        addPeriod(manager.formatted("2020-Q3", "2020-07-01", "2020-09-30"), cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.label").value("2020-Q3"))
                .andExpect(jsonPath("$.status").value("OPEN"));
        addPeriod(manager.formatted("2020-Q3", "2020-10-01", "2020-12-31"), cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-period-exists"));
        addPeriod(manager.formatted("2020-Q4", "2020-10-01", "2021-01-31"), cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-period-outside-project"));
        addPeriod(manager.formatted("2020-Q4", "2020-12-31", "2020-10-01"), cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-period-invalid"));
        addPeriod(manager.formatted("Q4/2020", "2020-10-01", "2020-12-31"), cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("label"));
        addPeriod(manager.formatted("2020-Q4", "2020-10-01", "2020-12-31"), cityUser("espoo", "staff", "project-manager"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("reporting-lead-city-only"));
        addPeriod(manager.formatted("2020-Q4", "2020-10-01", "2020-12-31"), cityUser("tampere", "staff", "project-manager"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/projects/{id}/reporting-periods", projectId).contentType(MediaType.APPLICATION_JSON)
                        .content(manager.formatted("2020-Q4", "2020-10-01", "2020-12-31")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/projects/{id}/reporting-periods", projectId).with(cityUser("espoo", "staff")))
                .andExpect(jsonPath("$[*].label", contains("2019-H1", "2019-H2", "2020-H1", "2020-Q3")));

        // a submitted or locked period stays
        lifecycle("2019-H1", "submission").andExpect(status().isOk());
        mvc.perform(delete("/api/projects/{id}/reporting-periods/2019-H1", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-period-not-open"));
        lifecycle("2019-H1", "lock").andExpect(status().isOk());
        mvc.perform(delete("/api/projects/{id}/reporting-periods/2019-H1", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-period-not-open"));
        mvc.perform(delete("/api/projects/{id}/reporting-periods/2019-H2", projectId)
                        .with(cityUser("espoo", "staff", "project-manager")))
                .andExpect(status().isForbidden());
        periodOf("2019-H2", "helsinki").andExpect(status().isOk());
    }

    @Test
    void aManualCorrectionOfALockedPeriodIsADatedEntryWithItsReasonAndAuthorThatEvidenceNeverTakesBack() throws Exception {
        String correction = """
                {"figure": "ENTERPRISES_SUPPORTED", "periodDelta": 1, "cumulativeDelta": 1,
                 "reason": "Yritys ilmoitti Y-tunnuksensa vasta tilaisuuden jälkeen"}""";
        correct("2019-H1", correction, cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-period-not-locked"));
        lifecycle("2019-H1", "submission").andExpect(status().isOk());
        lifecycle("2019-H1", "lock").andExpect(status().isOk());

        correct("2019-H1", "{\"figure\": \"ENTERPRISES_SUPPORTED\", \"periodDelta\": 1, \"cumulativeDelta\": 1, \"reason\": \" \"}",
                cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        correct("2019-H1", "{\"figure\": \"ENTERPRISES_SUPPORTED\", \"periodDelta\": 0, \"cumulativeDelta\": 0, \"reason\": \"x\"}",
                cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("reporting-correction-empty"));
        correct("2019-H1", correction, cityUser("espoo", "staff", "project-manager")).andExpect(status().isForbidden());
        correct("2019-H1", correction, cityUser("tampere", "staff", "project-manager")).andExpect(status().isNotFound());

        correct("2019-H1", correction, cityUser("helsinki", "staff", "project-manager"))
                .andExpect(status().isOk())
                .andExpect(figure("ENTERPRISES_SUPPORTED", "lockedPeriodValue", 1))
                .andExpect(figure("ENTERPRISES_SUPPORTED", "periodValue", 2))
                .andExpect(jsonPath("$.corrections[0].reason").value("manual"))
                .andExpect(jsonPath("$.corrections[0].note").value("Yritys ilmoitti Y-tunnuksensa vasta tilaisuuden jälkeen"))
                .andExpect(jsonPath("$.corrections[0].recordedBy").value("helsinki.user"))
                .andExpect(jsonPath("$.corrections[0].recordedAt").isNotEmpty());

        // a late check-in of another company: the evidence corrects by what it counts, the manual entry stays
        attend("d-seminar", "seminar", null, "daniel@example.org", "4567890-7", "2019-09-02T08:00:00Z", "env-d");
        periodOf("2019-H1", "espoo")
                .andExpect(figure("ENTERPRISES_SUPPORTED", "lockedPeriodValue", 1))
                .andExpect(figure("ENTERPRISES_SUPPORTED", "periodValue", 3))
                .andExpect(jsonPath("$.corrections[?(@.figure == 'ENTERPRISES_SUPPORTED')].reason",
                        containsInAnyOrder("manual", "late-attendance")))
                .andExpect(jsonPath("$.corrections[?(@.reason == 'late-attendance')].periodDelta", contains(1, 1)));
    }

    @Test
    void anErasedPersonsCheckInsLoseTheirKeyedHashWhileEveryCountStays() throws Exception {
        lifecycle("2019-H1", "submission").andExpect(status().isOk());
        lifecycle("2019-H1", "lock").andExpect(status().isOk());
        String aino = emailHash.of("aino@example.org");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("personHash").is(aino)), AttendanceFact.class)).isEqualTo(2);

        erasure.erase(new fi.ecosystem.contracts.contacts.ContactErased("contact-aino", aino), "erased-" + projectId);
        erasure.erase(new fi.ecosystem.contracts.contacts.ContactErased("contact-aino", aino), "erased-" + projectId);

        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("personHash").is(aino)), AttendanceFact.class)).isZero();
        List<AttendanceFact> hers = mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("registrationId").is("a-programme-" + projectId)),
                AttendanceFact.class);
        assertThat(hers).hasSize(2).allSatisfy(fact -> assertThat(fact.personHash()).startsWith(Evidence.ERASED_PREFIX))
                .extracting(AttendanceFact::personHash).containsOnly(hers.get(0).personHash());
        assertThat(mongo.findAll(org.bson.Document.class, "report_attendances").toString()).doesNotContain(aino);
        periodOf("2019-H1", "helsinki")
                .andExpect(figure("PARTICIPANTS_REACHED", "lockedPeriodValue", 2))
                .andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 2))
                .andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 1))
                .andExpect(jsonPath("$.corrections.length()").value(0));
        mvc.perform(get("/api/projects/{id}/reporting-periods/2019-H1/figures/PARTICIPANTS_REACHED", projectId)
                        .with(cityUser("helsinki", "staff")))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].key", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("erased-"))));
    }

    @Test
    void theBackfillReadsThePastFromEventsServiceWithTheCallersTokenOnceAndLateEvidenceIsACorrection() throws Exception {
        lifecycle("2019-H1", "submission").andExpect(status().isOk());
        lifecycle("2019-H1", "lock").andExpect(status().isOk());
        EVENTS_SERVICE.answer("/api/events", 200, """
                {"items": [{"id": "old-programme", "projectId": "%s", "type": "GROWTH_PROGRAMME", "title": {"fi": "Vanha ohjelma"},
                            "status": "COMPLETED", "organisingCity": "helsinki", "capacity": 20,
                            "startsAt": "2019-05-01T07:00:00Z", "endsAt": "2019-06-01T10:00:00Z", "excludedFromReports": false,
                            "sessionsToComplete": 2, "someFieldAddedLater": 1,
                            "sessions": [{"id": "s1", "startsAt": "2019-05-01T07:00:00Z", "endsAt": "2019-05-01T10:00:00Z"},
                                         {"id": "s2", "startsAt": "2019-06-01T07:00:00Z", "endsAt": "2019-06-01T10:00:00Z"}]}],
                 "page": 0, "size": 200, "totalItems": 1, "totalPages": 1}""".formatted(projectId));
        EVENTS_SERVICE.answer("/api/events/old-programme/registrations", 200, """
                {"items": [{"id": "olga-old", "email": "olga@example.org", "organisationName": "Esimerkki Oy",
                            "businessId": "%s", "attendedSessions": ["s1", "s2"], "status": "ATTENDED"},
                           {"id": "aino-old", "email": "aino@example.org", "attendedSessions": ["s1"], "status": "ATTENDED"}],
                 "page": 0, "size": 500, "totalItems": 2, "totalPages": 1}""".formatted(COMPANY));

        mvc.perform(post("/api/projects/{id}/reporting-periods/evidence-backfill", projectId)
                        .with(cityUser("espoo", "staff", "project-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/projects/{id}/reporting-periods/evidence-backfill", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events").value(1))
                .andExpect(jsonPath("$.newCheckIns").value(3));
        assertThat(EVENTS_SERVICE.authorizations()).isNotEmpty().allMatch(header -> header.startsWith("Bearer "));
        assertThat(EVENTS_SERVICE.paths()).anyMatch(path -> path.contains("projectId=" + projectId))
                .anyMatch(path -> path.startsWith("/api/events/old-programme/registrations") && path.contains("status=ATTENDED"));

        // Olga is new, Aino and the company were counted already; the locked figures stay, the rest are corrections
        String once = periodOf("2019-H1", "helsinki")
                .andExpect(figure("EVENTS_HELD", "lockedPeriodValue", 2))
                .andExpect(figure("EVENTS_HELD", "periodValue", 3))
                .andExpect(figure("PARTICIPANTS_REACHED", "lockedPeriodValue", 2))
                .andExpect(figure("PARTICIPANTS_REACHED", "periodValue", 3))
                .andExpect(figure("ENTERPRISES_SUPPORTED", "periodValue", 1))
                .andExpect(figure("GROWTH_PROGRAMME_COMPLETIONS", "periodValue", 2))
                .andExpect(jsonPath("$.corrections[?(@.reason == 'backfill')].figure",
                        containsInAnyOrder("PARTICIPANTS_REACHED", "GROWTH_PROGRAMME_COMPLETIONS")))
                .andReturn().getResponse().getContentAsString();

        // again: nothing new, nothing corrected twice
        mvc.perform(post("/api/projects/{id}/reporting-periods/evidence-backfill", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newCheckIns").value(0));
        assertThat(periodOf("2019-H1", "helsinki").andReturn().getResponse().getContentAsString()).isEqualTo(once);

        EVENTS_SERVICE.answer("/api/events", 503, "{\"status\": 503}");
        mvc.perform(post("/api/projects/{id}/reporting-periods/evidence-backfill", projectId)
                        .with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("service-unavailable")));
    }

    /** events-service as canned answers per path (the query is recorded, not matched), with the headers it was sent. */
    static final class StubEventsService {

        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.Map<String, Object[]> answers = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();

        StubEventsService() {
            try {
                server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                paths.add(path + "?" + exchange.getRequestURI().getRawQuery());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                Object[] answer = answers.getOrDefault(path, new Object[] {404, "{\"status\": 404}"});
                byte[] body = ((String) answer[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", (int) answer[0] >= 400 ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders((int) answer[0], body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        void answer(String path, int status, String json) {
            answers.put(path, new Object[] {status, json});
        }

        List<String> authorizations() {
            return authorizations;
        }

        List<String> paths() {
            return paths;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    private ResultActions addPeriod(String body, org.springframework.test.web.servlet.request.RequestPostProcessor caller)
            throws Exception {
        return mvc.perform(post("/api/projects/{id}/reporting-periods", projectId).with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions correct(String label, String body,
            org.springframework.test.web.servlet.request.RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/projects/{id}/reporting-periods/{label}/corrections", projectId, label).with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The programme again, now with the completion threshold events-service sends. */
    private void programme(int sessionsToComplete) {
        Instant end = Instant.parse("2019-03-10T15:00:00Z");
        evidence.eventChanged(new EventChanged("programme", projectId, "GROWTH_PROGRAMME", new LocalizedText("programme", null, null),
                "COMPLETED", "helsinki", 30, end.minusSeconds(40 * 24 * 3600), false, end, sessionsToComplete), Instant.now());
    }

    private ResultActions periodOf(String label, String city) throws Exception {
        return mvc.perform(get("/api/projects/{id}/reporting-periods/{label}", projectId, label).with(cityUser(city, "staff")));
    }

    private ResultActions lifecycle(String label, String step) throws Exception {
        return lifecycle(label, step, cityUser("helsinki", "staff", "project-manager"));
    }

    private ResultActions lifecycle(String label, String step,
            org.springframework.test.web.servlet.request.RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/projects/{id}/reporting-periods/{label}/{step}", projectId, label, step).with(caller));
    }

    /** The field of one figure, e.g. its period value (figures come in the order of {@link Figure}). */
    private static org.springframework.test.web.servlet.ResultMatcher figure(String figure, String field, long expected) {
        String at = "$.figures[" + Figure.valueOf(figure).ordinal() + "]";
        return result -> {
            jsonPath(at + ".figure").value(figure).match(result);
            jsonPath(at + "." + field).value((int) expected).match(result);
        };
    }

    private void event(String id, String type, String city, String endsAt, boolean excluded) {
        Instant end = Instant.parse(endsAt);
        evidence.eventChanged(new EventChanged(id, projectId, type, new LocalizedText(id, null, null), "COMPLETED", city, 30,
                end.minusSeconds(40 * 24 * 3600), excluded, end), Instant.now());
    }

    private void attend(String registrationId, String eventId, String sessionId, String email, String businessId,
            String at, String envelopeId) {
        evidence.attendanceChanged(RegistrationChanged.ATTENDED, envelopeId,
                registration(registrationId, eventId, sessionId, email, businessId, at), Instant.now());
    }

    private RegistrationChanged registration(String registrationId, String eventId, String sessionId, String email,
            String businessId, String at) {
        return new RegistrationChanged(registrationId + "-" + projectId, eventId, projectId, "ATTENDED", "CONFIRMED",
                new Participant(email, "Etu", "Suku", "Esimerkki Oy", businessId, "fi"), Instant.parse(at), sessionId,
                null);
    }
}
