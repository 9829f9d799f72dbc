package fi.ecosystem.contacts.contact;

import fi.ecosystem.platform.search.SearchWords;
import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.platform.security.CityUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search by name, organisation, e-mail, role, project and city, paged, and the same search as CSV and XLSX. */
class SearchTest extends ContactsApiTestBase {

    static final CityUser HYVINKAA_STAFF = new CityUser("h", "Hyvinkää staff", Set.of("hyvinkaa"), Set.of("staff"), Set.of(), false);
    static final CityUser IISALMI_STAFF = new CityUser("i", "Iisalmi staff", Set.of("iisalmi"), Set.of("staff"), Set.of(), false);
    static final CityUser OULU_STAFF = new CityUser("o", "Oulu staff", Set.of("oulu"), Set.of("staff"), Set.of(), false);

    @BeforeEach
    void people() {
        enter(HYVINKAA_STAFF, "Kaisa", "Kokeilija", "Teknologiakeskus TechVilla Oy", HRI, "PROJECT_MANAGER");
        enter(HYVINKAA_STAFF, "Teemu", "Testaaja", "KUUMA-seutu", HRI, "COOPERATION_DIRECTOR");
        enter(HYVINKAA_STAFF, "Pekka", "Järvinen", "Teknologiakeskus TechVilla Oy", HRI, null);
        enter(IISALMI_STAFF, "Åsa", "Öström", "Kristiinankaupungin elinkeinokeskus", TOWNS, "PROJECT_MANAGER");
        enter(IISALMI_STAFF, "Sari", "Sihteeri", "Iisalmen kaupunki", TOWNS, "PROJECT_SECRETARY");
        enter(OULU_STAFF, "Jari", "Järvelä", "BusinessOulu", OULU, "PROJECT_MANAGER");
        for (int i = 0; i < 25; i++) {
            enter(HYVINKAA_STAFF, "Henkilö", "Massa" + (char) ('a' + i), "Esimerkki Oy", HRI, null);
        }
    }

    /** The rows of a CSV export (Finnish Excel: BOM, ';', CRLF), by the header's column names. */
    static List<CSVRecord> csv(byte[] export) throws Exception {
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(text.substring(1), format)) {
            return parser.getRecords();
        }
    }

    private void enter(CityUser user, String first, String last, String organisation, String project, String role) {
        PersonView contact = contacts.create(user, new ContactDetails(first, last, null, organisation, null,
                SearchWords.fold(first + "." + last) + "@example.org", null, "fi"), Set.of(project), true);
        if (role != null) {
            contacts.assignRole(user, contact.id(), project, role, organisation);
        }
    }

    @Test
    void namePrefixesIgnoreCaseAndDiacritics() throws Exception {
        mvc.perform(get("/api/contacts?q=jarvi").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Järvinen"));
        mvc.perform(get("/api/contacts?q=JÄRV").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/contacts").param("q", "ostr as").with(cityUser("rauma", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].firstName").value("Åsa"));
        mvc.perform(get("/api/contacts").param("q", "kai kok").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/contacts").param("q", "kai tes").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void filtersCombineAndOnlyPeopleOfTheCallersProjectsAreFound() throws Exception {
        mvc.perform(get("/api/contacts?organisation=techv").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Järvinen", "Kokeilija")));
        mvc.perform(get("/api/contacts?organisation=technologiakeskus").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?role=project_manager").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Kokeilija")));
        mvc.perform(get("/api/contacts?role=PROJECT_MANAGER").with(integrator("helsinki", "contacts:read")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?email=Teemu.Testaaja@Example.org").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Testaaja")));
        mvc.perform(get("/api/contacts?email=jari.jarvela@example.org").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?email=jari.jarvela@example.org&city=kerava").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?email=jari.jarvela@example.org").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Järvelä")));
        mvc.perform(get("/api/contacts?projectId=" + TOWNS).with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?city=iisalmi").with(twoCities("rauma", "kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Öström", "Sihteeri")));
        mvc.perform(get("/api/contacts?city=oulu&role=PROJECT_MANAGER").with(twoCities("rauma", "kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?q=jar").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Järvelä")));
        mvc.perform(get("/api/contacts").with(integrator("kerava", "projects:read"))).andExpect(status().isForbidden());
    }

    @Test
    void theWordIndexFollowsEveryChangeAndIsRebuiltWhenOfAnotherVersion() throws Exception {
        Contact kaisa = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("lastName").is("Kokeilija")), Contact.class);
        contacts.edit(HYVINKAA_STAFF, kaisa.id(), new ContactDetails("Kaisa", "Uusinimi", null, "Business Tampere", null,
                kaisa.email(), null, "fi"));

        mvc.perform(get("/api/contacts?q=kokeil").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts?q=uusin").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/contacts?organisation=business%20tamp").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0)); // %20 is sent as written: no such word
        mvc.perform(get("/api/contacts").param("organisation", "business tamp").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Uusinimi")));
        assertThat(mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("c").is(kaisa.id())), org.bson.Document.class,
                ContactWords.COLLECTION).stream().map(entry -> entry.getString("_id")))
                .containsExactlyInAnyOrder("n:kaisa:" + kaisa.id(), "n:uusinimi:" + kaisa.id(), "o:business:" + kaisa.id(),
                        "o:tampere:" + kaisa.id(), "r:PROJECT_MANAGER:" + kaisa.id(), "p:" + HRI + ":" + kaisa.id());

        // an index of an older version (or none) is built again at start
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), ContactWords.COLLECTION);
        mongo.insert(new org.bson.Document("_id", "n:stale:someone").append("c", "someone"), ContactWords.COLLECTION);
        words.run(null);
        assertThat(mongo.findById("n:stale:someone", org.bson.Document.class, ContactWords.COLLECTION)).isNull();
        mvc.perform(get("/api/contacts?q=massa").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(25));
        mvc.perform(get("/api/contacts?role=project_manager&q=uusi").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Uusinimi")));
        long entries = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ContactWords.COLLECTION);
        words.run(null); // of this version: left as it is
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), ContactWords.COLLECTION)).isEqualTo(entries);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ContactWords words;

    @Test
    void theEntriesOfAnOlderSaveWrittenAfterANewerOnesGiveWayToTheNewerOnes() {
        Contact kaisa = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("lastName").is("Kokeilija")), Contact.class);
        org.bson.Document asSaved = mongo.findById(kaisa.id(), org.bson.Document.class, "contacts");
        // a newer save (here an edit; in the race seen, an erasure) writes its entries first ...
        contacts.edit(HYVINKAA_STAFF, kaisa.id(), new ContactDetails("Kaisa", "Uusinimi", null, "Business Tampere", null,
                kaisa.email(), null, "fi"));
        // ... and the thread of the older save writes the older entries only now
        words.onAfterSave(new org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent<>(kaisa, asSaved, "contacts"));

        assertThat(mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("c").is(kaisa.id())), org.bson.Document.class,
                ContactWords.COLLECTION).stream().map(entry -> entry.getString("_id")))
                .containsExactlyInAnyOrder("n:kaisa:" + kaisa.id(), "n:uusinimi:" + kaisa.id(), "o:business:" + kaisa.id(),
                        "o:tampere:" + kaisa.id(), "r:PROJECT_MANAGER:" + kaisa.id(), "p:" + HRI + ":" + kaisa.id());
        assertThat(mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("c").is(kaisa.id())), org.bson.Document.class,
                ContactWords.COLLECTION)).allSatisfy(entry -> assertThat(entry.toJson()).doesNotContain("kokeilija"));
    }

    @Test
    void resultsArePagedInNameOrder() throws Exception {
        mvc.perform(get("/api/contacts?q=massa&size=10&page=2").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(25))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].lastName").value("Massau"))
                .andExpect(jsonPath("$.items[0].consents").doesNotExist());
        mvc.perform(get("/api/contacts?q=massa&size=3&sort=-name").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items[*].lastName", contains("Massay", "Massax", "Massaw")));
        mvc.perform(get("/api/contacts?size=200").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(28));
    }

    @Test
    void theSearchIsExportedAsCsvAndXlsx() throws Exception {
        byte[] csv = mvc.perform(get("/api/contacts/export.csv?organisation=techvilla").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"contacts.csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid;lastName;firstName;title;organisation;email;phone;language;roles;projects;lastActivity\r\n");
        assertThat(text.split("\r\n")).hasSize(3);
        assertThat(text).contains(";Järvinen;Pekka;").contains(";Kokeilija;Kaisa;").contains("hri: PROJECT_MANAGER")
                .doesNotContain("Testaaja");
        // read back as a spreadsheet program reads it: a row per person, each cell in its column
        List<CSVRecord> rows = csv(csv);
        assertThat(rows).extracting(row -> row.get("firstName") + " " + row.get("lastName"))
                .containsExactlyInAnyOrder("Pekka Järvinen", "Kaisa Kokeilija");
        assertThat(rows).filteredOn(row -> row.get("lastName").equals("Kokeilija")).singleElement().satisfies(row -> {
            assertThat(row.get("organisation")).isEqualTo("Teknologiakeskus TechVilla Oy");
            assertThat(row.get("email")).isEqualTo("kaisa.kokeilija@example.org");
            assertThat(row.get("roles")).isEqualTo("hri: PROJECT_MANAGER");
            assertThat(row.get("projects")).isEqualTo(HRI);
            assertThat(row.get("language")).isEqualTo("fi");
            assertThat(row.get("id")).isNotBlank();
        });
        assertThat(rows).filteredOn(row -> row.get("lastName").equals("Järvinen")).singleElement()
                .satisfies(row -> assertThat(row.get("roles")).isEmpty());

        // Oulu's staff get Oulu's one person and no one of the other cities' projects
        List<CSVRecord> oulu = csv(mvc.perform(get("/api/contacts/export.csv").with(cityUser("oulu", "staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(oulu).singleElement().satisfies(row -> {
            assertThat(row.get("firstName") + " " + row.get("lastName")).isEqualTo("Jari Järvelä");
            assertThat(row.get("organisation")).isEqualTo("BusinessOulu");
            assertThat(row.get("roles")).isEqualTo(OULU + ": PROJECT_MANAGER");
        });

        byte[] xlsx = mvc.perform(get("/api/contacts/export.xlsx?role=PROJECT_MANAGER").with(cityUser("iisalmi", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("contacts", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        StringBuilder sheet = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().equals("xl/sharedStrings.xml") || entry.getName().startsWith("xl/worksheets/")) {
                    sheet.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // XLSX escapes non-ASCII letters (Ö is &#xd6;): the addresses say who is in it
        assertThat(sheet.toString()).contains("asa.ostrom@example.org").contains("Kristiinankaupungin elinkeinokeskus")
                .contains("towns: PROJECT_MANAGER").doesNotContain("sari.sihteeri").doesNotContain("kaisa.kokeilija");
        // a member of the city's organisation without a role exports nothing personal
        mvc.perform(get("/api/contacts/export.csv").with(cityUser("oulu")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("role-needed"));
        mvc.perform(get("/api/contacts/export.csv")).andExpect(status().isUnauthorized());
    }
}
