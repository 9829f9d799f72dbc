package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The registrations download is for people: headers, statuses, yes/no and choice answers in the organiser's
 * language, sessions by title and time, times in Helsinki as real date cells (XLSX) or {@code yyyy-MM-dd HH:mm}
 * (CSV) — read back with Apache POI and Commons CSV, not the writer's own library.
 */
class RegistrationExportTest extends EventsApiTestSupport {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    final RequestPostProcessor organiser = cityUser("espoo", "staff", "event-organiser");

    static final String PROGRAMME = """
            {"projectId": "kasvun-ekosysteemit", "type": "GROWTH_PROGRAMME", "capacity": 1,
             "title": {"fi": "Kasvuohjelma", "sv": "Tillväxtprogram", "en": "Growth programme"},
             "venue": "Maria 01, Helsinki",
             "sessions": [
               {"id": "kickoff", "title": {"fi": "Aloitus", "sv": "Start"}, "startsAt": "2027-02-01T07:00:00Z"},
               {"id": "pitch", "startsAt": "2027-06-01T06:30:00Z"}],
             "questions": [
               {"id": "q5ad50571", "kind": "CHOICE", "label": {"fi": "Toimiala", "sv": "Bransch"},
                "options": [{"label": {"fi": "Teollisuus", "sv": "Industri"}}, {"label": {"fi": "Palvelut", "sv": "Tjänster"}}]},
               {"id": "diet", "kind": "TEXT", "label": {"fi": "Ruokavalio", "sv": "Kost"}},
               {"id": "news", "kind": "CONSENT", "label": {"fi": "Haluan uutiskirjeen", "sv": "Jag vill ha nyhetsbrevet"},
                "consentPurpose": "NEWSLETTER", "policyVersion": "2026-01"}]}
            """;

    @Test
    void theDownloadSpeaksFinnishOrSwedishWithLocalTimesAndOptionTexts() throws Exception {
        String event = JsonPath.read(mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content(PROGRAMME)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String first = register(event, "ensimmainen@example.org", "{\"q5ad50571\": \"2\", \"diet\": \"vegaani\", \"news\": \"true\"}");
        register(event, "toinen@example.org", "{\"q5ad50571\": \"1\", \"news\": \"false\"}");
        mvc.perform(post("/api/events/" + event + "/registrations/" + first + "/attendance").with(organiser)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\": \"kickoff\", \"attended\": true}"))
                .andExpect(status().isOk());
        Instant registeredAt = mongo.findById(first, Registration.class).createdAt();
        LocalDateTime local = LocalDateTime.ofInstant(registeredAt, HELSINKI).truncatedTo(ChronoUnit.MINUTES);

        List<CSVRecord> fi = csv(event, "fi");
        assertThat(fi.get(0).toList()).containsExactly("Tila", "Etunimi", "Sukunimi", "Sähköposti", "Organisaatio", "Kieli",
                "Ilmoittautui", "Ilmoittaja", "Läsnä: Aloitus 1.2.2027 klo 9.00", "Läsnä: tilaisuus 2 1.6.2027 klo 9.30",
                "Toimiala", "Ruokavalio", "Haluan uutiskirjeen", "Suoritti ohjelman");
        assertThat(fi.get(1).toList()).containsExactly("Osallistui", "Maija", "Meikäläinen", "ensimmainen@example.org", "",
                "suomi", local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), "järjestäjä", "kyllä", "ei",
                "Palvelut", "vegaani", "kyllä", "ei");
        assertThat(fi.get(2).toList()).startsWith("Jonossa").contains("Teollisuus").doesNotContain("1", "CONFIRMED", "WAITLISTED");

        List<CSVRecord> sv = csv(event, "sv");
        assertThat(sv.get(0).toList()).containsExactly("Status", "Förnamn", "Efternamn", "E-post", "Organisation", "Språk",
                "Anmäld", "Anmäld av", "Närvarande: Start 1.2.2027 kl. 9.00", "Närvarande: tillfälle 2 1.6.2027 kl. 9.30",
                "Bransch", "Kost", "Jag vill ha nyhetsbrevet", "Slutförde programmet");
        assertThat(sv.get(1).toList()).containsExactly("Deltog", "Maija", "Meikäläinen", "ensimmainen@example.org", "",
                "finska", local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), "arrangören", "ja", "nej",
                "Tjänster", "vegaani", "ja", "nej");
        assertThat(sv.get(2).toList()).startsWith("På väntelistan").contains("Industri", "nej");

        for (String language : List.of("fi", "sv")) {
            Sheet sheet = workbook(event, language).getSheetAt(0);
            List<String> header = texts(sheet.getRow(0));
            assertThat(header).isEqualTo((language.equals("fi") ? fi : sv).get(0).toList());
            Cell when = sheet.getRow(1).getCell(header.indexOf(language.equals("fi") ? "Ilmoittautui" : "Anmäld"));
            assertThat(when.getCellType()).as("a number Excel shows as a date").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(when)).isTrue();
            assertThat(when.getLocalDateTimeCellValue().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(local);
            assertThat(texts(sheet.getRow(1))).contains(language.equals("fi") ? "Osallistui" : "Deltog",
                    language.equals("fi") ? "Palvelut" : "Tjänster");
            assertThat(texts(sheet.getRow(2)).get(0)).isEqualTo(language.equals("fi") ? "Jonossa" : "På väntelistan");
        }
        mvc.perform(get("/api/events/" + event + "/registrations/export.csv?lang=de").with(organiser))
                .andExpect(status().isBadRequest());
    }

    /** As the registration is stored, without the event of its making: registrations made long ago, not now. */
    org.bson.Document stored(Registration registration) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(registration, document);
        document.remove("pendingEvents");
        return document;
    }

    @Test
    void aBigEventComesOutWholeInTheOrderPeopleCame() throws Exception {
        String event = JsonPath.read(mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content(PROGRAMME)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        List<org.bson.Document> many = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            many.add(stored(Registration.of("r%05d".formatted(i), event, PROJECT, new Participant("p" + i + "@example.org",
                    "Osallistuja", "N:o " + i, null, null, "sv"), RegistrationStatus.WAITLISTED, "self", Map.of(), List.of(), "h" + i, (long) i + 1, List.of())));
        }
        mongo.insert(many, mongo.getCollectionName(Registration.class));

        List<CSVRecord> rows = csv(event, "fi");
        assertThat(rows).hasSize(5_002);
        List<String> header = rows.get(0).toList();
        assertThat(rows.get(5_001).get(header.indexOf("Sukunimi"))).isEqualTo("N:o 5000");
        assertThat(rows.get(1).get(header.indexOf("Kieli"))).isEqualTo("ruotsi");
        assertThat(rows.get(1).get(header.indexOf("Ilmoittaja"))).isEqualTo("itse");
        Sheet sheet = workbook(event, "en").getSheetAt(0);
        assertThat(sheet.getLastRowNum()).isEqualTo(5_001);
        assertThat(texts(sheet.getRow(5_001))).startsWith("On the waiting list", "Osallistuja", "N:o 5000");
    }

    @Test
    void anUploadNamesQuestionsByTheirTextAndAnswersInWords() throws Exception {
        String event = JsonPath.read(mvc.perform(post("/api/events").with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content(PROGRAMME.replace("\"capacity\": 1", "\"capacity\": 5"))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        String csv = "E-post;Förnamn;Efternamn;Språk;Bransch;kost;Jag vill ha nyhetsbrevet\n"
                + "svensk@example.org;Sven;Svensson;svenska;Tjänster;vegan;ja\n"
                + "suomi@example.org;Suvi;Suomalainen;suomi;teollisuus;;nej\n"
                + "vaara@example.org;Väinö;Väärä;fi;Maatalous;;ehkä\n";
        mvc.perform(post("/api/events/" + event + "/registrations/import").with(organiser)
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.report[2].errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "answers.q5ad50571", "answers.news")));
        Registration swedish = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("email").is("svensk@example.org")), Registration.class);
        assertThat(swedish.answers()).containsEntry("q5ad50571", "2").containsEntry("diet", "vegan").containsEntry("news", "true");
        assertThat(swedish.language()).isEqualTo("sv");
        Registration finnish = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("email").is("suomi@example.org")), Registration.class);
        assertThat(finnish.answers()).containsEntry("q5ad50571", "1").containsEntry("news", "false");
        assertThat(finnish.language()).isEqualTo("fi");
    }

    String register(String event, String email, String answers) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person(email).replace("}", ", \"answers\": " + answers + "}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").exists())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    List<CSVRecord> csv(String event, String language) throws Exception {
        String text = new String(mvc.perform(get("/api/events/" + event + "/registrations/export.csv?lang=" + language)
                .with(organiser)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(text.substring(1))).getRecords();
    }

    XSSFWorkbook workbook(String event, String language) throws Exception {
        byte[] xlsx = mvc.perform(get("/api/events/" + event + "/registrations/export.xlsx?lang=" + language).with(organiser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    static List<String> texts(Row row) {
        DataFormatter text = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < row.getLastCellNum(); column++) {
            cells.add(row.getCell(column) == null ? "" : text.formatCellValue(row.getCell(column)));
        }
        return cells;
    }
}
