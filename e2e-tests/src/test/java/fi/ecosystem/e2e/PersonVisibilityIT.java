package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Shared people, per-city visibility (docs/architecture.md), through the gateway with the real Keycloak, Kafka and
 * store. A person known only to a Helsinki project — with a phone, the project's role and a registration — is
 * linked by Tampere through every path there is: a project's contact list, a staff entry, an organiser's
 * registration, a public registration, a CSV import and a merge (Tampere's, and Helsinki's of a person only Helsinki
 * knew). After each, Tampere's reads (the list, the search, the e-mail lookup, the person, the CSV export, the audit
 * trail) show only what Tampere supplied — never Helsinki's phone, name, project or history — and the staff entry
 * answers exactly as for an unknown address; Turku, never linked, finds the person by no path and every answer it
 * gets is the one for nobody; Helsinki's view is unchanged by Tampere's entries. A member of Helsinki without a role reads nothing personal,
 * and an erasure by Helsinki's admin is told to Tampere's admin.
 */
@ExtendWith(Stack.class)
class PersonVisibilityIT {

    @Test
    void noCitySeesAFactAboutAPersonThatItDidNotSupplyWhicheverWayItLinksThem() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "helmi.salainen." + run + "@example.org";
        String secretName = "Salainen" + run;
        String phone = "+358401234" + (100 + Math.abs(run.hashCode() % 900));
        String integrator = MessagingIT.integrator();

        Browser aino = signedIn("helsinki", "aino.virtanen");
        Browser mikko = signedIn("tampere", "mikko.laaksonen");
        Browser jari = signedIn("tampere", "jari.salminen");
        Browser hanna = signedIn("tampere", "hanna.lehtonen");
        Browser elina = signedIn("turku", "elina.aaltonen"); // Turku: never linked, must never see the person

        // Helsinki: a Helsinki-only project names the person, its staff add the phone, they register on its event
        String helsinkiProject = project(integrator, null, "helsinki", "HKI-" + run, "Helmi " + secretName, email);
        await().atMost(Duration.ofSeconds(60)).until(() -> byEmail(aino, email).size() == 1);
        String personId = byEmail(aino, email).get(0).get("id").asString();
        String helsinkiEvent = MessagingIT.eventIn(helsinkiProject, 20);
        MessagingIT.register(helsinkiEvent, email);
        await().atMost(Duration.ofSeconds(60)).until(() -> person(aino, personId).get("participations").size() == 1);
        // after the registration (which states the name the person typed): Helsinki's staff set the name and the phone
        HttpResponse<String> phoned = aino.send("PUT", Stack.GATEWAY + "/api/contacts/" + personId, """
                {"firstName": "Helmi", "lastName": "%s", "email": "%s", "phone": "%s", "language": "fi"}
                """.formatted(secretName, email, phone));
        assertThat(phoned.statusCode()).as(phoned.body()).isEqualTo(200);
        assertThat(person(aino, personId).get("phone").asString()).isEqualTo(phone);

        // Tampere knows nothing of them yet: not by address, not by name, not by id
        assertThat(byEmail(mikko, email)).isEmpty();
        assertThat(search(mikko, "q=" + secretName)).isEmpty();
        assertThat(mikko.get(Stack.GATEWAY + "/api/contacts/" + personId).statusCode()).isEqualTo(404);

        // path 1: Tampere's own project lists the address as a contact (PUT /api/projects/{id})
        String tampereProject = project(null, mikko, "tampere", "TRE-" + run, "Tiina Tamperelainen", null);
        HttpResponse<String> listed = mikko.send("PUT", Stack.GATEWAY + "/api/projects/" + tampereProject,
                projectBody("tampere", "TRE-" + run, "Tiina Tamperelainen", email));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> byEmail(mikko, email).size() == 1);
        assertThat(byEmail(mikko, email).get(0).get("id").asString()).as("one person, linked").isEqualTo(personId);
        tampereSeesOnlyItsOwn(mikko, personId, email, phone, secretName, helsinkiProject, "project contact");
        outsiderSeesNothing(elina, personId, email, "project contact", secretName, "Tamperelainen");
        assertThat(person(mikko, personId).get("lastName").asString()).isEqualTo("Tamperelainen");

        // path 2: a staff entry with the address answers exactly as an entry with an unknown address does
        String staffEntry = """
                {"firstName": "Taisto", "lastName": "Tamperelainen", "email": "%s", "language": "fi", "projectIds": ["%s"]}
                """;
        HttpResponse<String> linked = jari.send("POST", Stack.GATEWAY + "/api/contacts?allowDuplicate=true",
                staffEntry.formatted(email, tampereProject));
        String unknownAddress = "tuntematon." + run + "@example.org";
        HttpResponse<String> fresh = jari.send("POST", Stack.GATEWAY + "/api/contacts?allowDuplicate=true",
                staffEntry.formatted(unknownAddress, tampereProject));
        // the person is already Tampere's through the project's list: a visible duplicate may say so (409, with
        // only Tampere's view) — an address only Helsinki knows is checked with a second, unlinked address below
        assertThat(linked.statusCode()).as(linked.body()).isIn(201, 409);
        assertThat(linked.body()).doesNotContain(phone, secretName, helsinkiProject);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
        String tampereOwnId = Keycloak.json(fresh.body()).get("id").asString();

        String helsinkiOnly = "henna.salainen." + run + "@example.org";
        String secondProject = project(integrator, null, "helsinki", "HKI2-" + run, "Henna " + secretName, helsinkiOnly);
        await().atMost(Duration.ofSeconds(60)).until(() -> byEmail(aino, helsinkiOnly).size() == 1);
        String secondId = byEmail(aino, helsinkiOnly).get(0).get("id").asString();
        assertThat(aino.send("PUT", Stack.GATEWAY + "/api/contacts/" + secondId, """
                {"firstName": "Henna", "lastName": "%s", "email": "%s", "phone": "%s", "language": "fi"}
                """.formatted(secretName, helsinkiOnly, phone)).statusCode()).isEqualTo(200);
        HttpResponse<String> linkedUnseen = jari.send("POST", Stack.GATEWAY + "/api/contacts?allowDuplicate=true",
                staffEntry.formatted(helsinkiOnly, tampereProject));
        HttpResponse<String> freshAgain = jari.send("POST", Stack.GATEWAY + "/api/contacts?allowDuplicate=true",
                staffEntry.formatted("toinen." + unknownAddress, tampereProject));
        assertThat(linkedUnseen.statusCode()).as(linkedUnseen.body()).isEqualTo(201);
        assertThat(freshAgain.statusCode()).isEqualTo(201);
        assertThat(shape(linkedUnseen.body()).replace(helsinkiOnly, "ADDRESS"))
                .as("the answer for an address Helsinki knows is that for an unknown one")
                .isEqualTo(shape(freshAgain.body()).replace("toinen." + unknownAddress, "ADDRESS"));
        assertThat(Keycloak.json(linkedUnseen.body()).get("id").asString()).isEqualTo(secondId);
        tampereSeesOnlyItsOwn(jari, secondId, helsinkiOnly, phone, secretName, secondProject, "staff entry");
        outsiderSeesNothing(elina, secondId, helsinkiOnly, "staff entry", secretName, "Henna", "Taisto");

        // paths 3–5: an organiser's registration, a public registration, a CSV import — each on its own Tampere event
        String organised = tampereEvent(hanna, tampereProject, run + "-o");
        HttpResponse<String> registered = hanna.send("POST", Stack.GATEWAY + "/api/events/" + organised + "/registrations", """
                {"email": "%s", "firstName": "Olga", "lastName": "Organisoitu", "organisationName": "Tre Oy"}
                """.formatted(email));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String published = tampereEvent(hanna, tampereProject, run + "-p");
        assertThat(hanna.send("POST", Stack.GATEWAY + "/api/events/" + published + "/publish", "").statusCode()).isEqualTo(200);
        HttpResponse<String> selfRegistered = EventsIT.publicCall("POST", "/public/events/" + published + "/registrations", """
                {"email": "%s", "firstName": "Pirjo", "lastName": "Julkinen", "language": "fi"}
                """.formatted(email));
        assertThat(selfRegistered.statusCode()).as(selfRegistered.body()).isIn(200, 201, 202);
        String imported = tampereEvent(hanna, tampereProject, run + "-c");
        HttpResponse<String> importReport = hanna.send("POST", Stack.GATEWAY + "/api/events/" + imported + "/registrations/import",
                "text/csv", "email;firstName;lastName;organisation\n" + email + ";Inka;Tuotu;Tre Oy\n");
        assertThat(importReport.statusCode()).as(importReport.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> person(mikko, personId).get("participations").size() == 3);
        tampereSeesOnlyItsOwn(mikko, personId, email, phone, secretName, helsinkiProject, "registrations");
        JsonNode seenByTampere = person(mikko, personId);
        List<String> events = new ArrayList<>();
        seenByTampere.get("participations").forEach(line -> events.add(line.get("eventId").asString()));
        assertThat(events).containsExactlyInAnyOrder(organised, published, imported).doesNotContain(helsinkiEvent);
        outsiderSeesNothing(elina, personId, email, "registrations", "Organisoitu", "Julkinen", "Tuotu", "Tre Oy");

        // path 6: Tampere merges its own person into the linked one; the merged person still follows the rule
        HttpResponse<String> merged = jari.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/merge",
                "{\"duplicateId\": \"" + tampereOwnId + "\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(merged.body()).doesNotContain(phone, secretName, helsinkiProject, helsinkiEvent);
        tampereSeesOnlyItsOwn(jari, personId, email, phone, secretName, helsinkiProject, "merge");
        outsiderSeesNothing(elina, personId, email, "merge by Tampere", secretName, "Tamperelainen");


        // Helsinki's view is its own: its phone, project and registration, none of Tampere's entries
        JsonNode seenByHelsinki = person(aino, personId);
        assertThat(seenByHelsinki.get("phone").asString()).isEqualTo(phone);
        assertThat(seenByHelsinki.get("lastName").asString()).isEqualTo(secretName);
        assertThat(seenByHelsinki.toString()).contains(helsinkiProject, helsinkiEvent)
                .doesNotContain(tampereProject, "Tamperelainen", "Organisoitu", "Julkinen", "Tuotu", organised);

        // path 6, the other way: Helsinki merges a person only Helsinki knows (another address, another phone, a Helsinki-only
        // project) into the shared one. Tampere can neither merge that person (404, as for an id that does not exist)
        // nor, afterwards, see anything the merged-in person brought
        String twinEmail = "helmi.kaksonen." + run + "@example.org";
        String twinPhone = "+358409876" + (100 + Math.abs(run.hashCode() % 900));
        HttpResponse<String> twinEntered = aino.send("POST", Stack.GATEWAY + "/api/contacts?allowDuplicate=true", """
                {"firstName": "Helmi", "lastName": "Kaksonen%s", "email": "%s", "phone": "%s", "language": "fi", "projectIds": ["%s"]}
                """.formatted(run, twinEmail, twinPhone, secondProject));
        assertThat(twinEntered.statusCode()).as(twinEntered.body()).isEqualTo(201);
        String twinId = Keycloak.json(twinEntered.body()).get("id").asString();
        String nobody = UUID.randomUUID().toString();
        HttpResponse<String> unseenMerge = jari.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/merge",
                "{\"duplicateId\": \"" + twinId + "\"}");
        HttpResponse<String> nobodyMerge = jari.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/merge",
                "{\"duplicateId\": \"" + nobody + "\"}");
        assertThat(unseenMerge.statusCode()).as(unseenMerge.body()).isEqualTo(404);
        assertThat(unseenMerge.body().replace(twinId, "ID")).as("as for nobody").isEqualTo(nobodyMerge.body().replace(nobody, "ID"));
        HttpResponse<String> helsinkiMerged = aino.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/merge",
                "{\"duplicateId\": \"" + twinId + "\"}");
        assertThat(helsinkiMerged.statusCode()).as(helsinkiMerged.body()).isEqualTo(200);
        assertThat(search(aino, "q=Kaksonen" + run).toString()).as("Helsinki finds the merged person by the twin's name")
                .contains(personId);
        assertThat(byEmail(aino, twinEmail)).as("and by the twin's address").hasSize(1);
        String[] twinFacts = {twinEmail, twinPhone, twinPhone.replace("+358", "0"), "Kaksonen", secondProject};
        for (Browser tampere : List.of(jari, mikko)) {
            assertThat(tampere.get(Stack.GATEWAY + "/api/contacts/" + personId).body()).as("merge by Helsinki")
                    .doesNotContain(twinFacts);
            assertThat(byEmail(tampere, twinEmail)).as("merge by Helsinki: the twin's address").isEmpty();
            assertThat(search(tampere, "q=Kaksonen" + run)).as("merge by Helsinki: the twin's name").isEmpty();
            assertThat(tampere.get(Stack.GATEWAY + "/api/contacts/export.csv").body()).doesNotContain(twinFacts);
            assertThat(tampere.get(Stack.GATEWAY + "/api/contacts/" + personId + "/audit").body()).doesNotContain(twinFacts)
                    .doesNotContain(twinId);
        }
        tampereSeesOnlyItsOwn(jari, personId, email, phone, secretName, helsinkiProject, "merge by Helsinki");
        outsiderSeesNothing(elina, personId, twinEmail, "merge by Helsinki", "Kaksonen" + run, secretName);

        // a member of Helsinki's organisation without a role reads nothing personal
        Browser member = signedIn("helsinki", "kalle.jasen");
        for (String path : List.of("/api/contacts", "/api/contacts/" + personId, "/api/contacts?email=" + enc(email),
                "/api/contacts/export.csv", "/api/contacts/" + personId + "/audit")) {
            HttpResponse<String> read = member.get(Stack.GATEWAY + path);
            assertThat(read.statusCode()).as(path).isEqualTo(403);
            assertThat(read.body()).as(path).doesNotContain(email, secretName, phone);
            assertThat(aino.get(Stack.GATEWAY + path).statusCode()).as("staff read " + path).isEqualTo(200);
        }

        // erasure by Helsinki's admin: the person everywhere, and Tampere's admin is told (GDPR art. 19)
        Browser ville = signedIn("helsinki", "ville.nieminen");
        Browser tuula = signedIn("tampere", "tuula.ylitalo");
        assertThat(jari.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/erasure", "").statusCode())
                .as("staff may not erase").isEqualTo(403);
        HttpResponse<String> erased = ville.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/erasure", "");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> tuula.get(Stack.GATEWAY + "/api/contacts/notices").body().contains(personId));
        JsonNode notices = Keycloak.json(tuula.get(Stack.GATEWAY + "/api/contacts/notices").body());
        JsonNode notice = null;
        for (JsonNode item : notices.get("items")) {
            if (item.get("contactId").asString().equals(personId)) {
                notice = item;
            }
        }
        assertThat(notice).isNotNull();
        assertThat(notice.get("action").asString()).isEqualTo("erased");
        assertThat(notice.get("city").asString()).isEqualTo("tampere");
        assertThat(notice.get("byCities").toString()).contains("helsinki");
        assertThat(notices.toString()).doesNotContain(email, secretName);
        assertThat(ville.get(Stack.GATEWAY + "/api/contacts/notices").body()).doesNotContain(personId);
        assertThat(jari.get(Stack.GATEWAY + "/api/contacts/notices").statusCode()).as("notices are the admins'").isEqualTo(403);
        // Tampere's admin reads it in the staff UI — what happened, when, which city's admin did it, no raw ids — and marks
        // it read; Tampere's staff have no such page
        String noticeId = notice.get("id").asString();
        HttpResponse<String> noticesPage = tuula.get(Stack.GATEWAY + "/app/privacy-notices");
        assertThat(noticesPage.statusCode()).isEqualTo(200);
        assertThat(noticesPage.body()).contains("href=\"/app/privacy-notices\"", "href=\"/app/contacts/" + personId + "\"");
        assertThat(noticesPage.body().replaceAll("<[^>]*>", " "))
                .contains("Henkilön tiedot poistettiin kaikista palveluista", "Ville Nieminen, Helsinki", "Merkitse luetuksi")
                .doesNotContain(personId, noticeId, email, secretName);
        HttpResponse<String> refusedPage = jari.get(Stack.GATEWAY + "/app/privacy-notices");
        assertThat(refusedPage.statusCode()).isEqualTo(403);
        assertThat(refusedPage.body()).contains("pääkäyttäjän rooli").doesNotContain("href=\"/app/privacy-notices\"");
        HttpResponse<String> markedRead = tuula.send("POST", Stack.GATEWAY + "/api/contacts/notices/" + noticeId + "/read", "");
        assertThat(markedRead.statusCode()).as(markedRead.body()).isEqualTo(200);
        assertThat(Keycloak.json(markedRead.body()).get("readBy").asString()).contains("Tuula");
        assertThat(ville.send("POST", Stack.GATEWAY + "/api/contacts/notices/" + noticeId + "/read", "").statusCode())
                .as("another city's notice").isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> person(mikko, personId).get("anonymised").asBoolean());
        assertThat(mikko.get(Stack.GATEWAY + "/api/contacts/" + personId).body()).doesNotContain(email, "Tamperelainen");
    }

    /** What Tampere reads of the person, by every path, holds nothing Helsinki supplied — and does find the person. */
    private static void tampereSeesOnlyItsOwn(Browser tampere, String personId, String email, String phone, String secretName,
            String helsinkiProject, String path) throws Exception {
        String[] helsinkiFacts = {phone, phone.replace("+358", "0"), secretName, helsinkiProject};
        List<JsonNode> found = byEmail(tampere, email);
        assertThat(found).as(path + ": found by the address Tampere typed").hasSize(1);
        assertThat(found.get(0).toString()).as(path + ": e-mail lookup").doesNotContain(helsinkiFacts);
        HttpResponse<String> one = tampere.get(Stack.GATEWAY + "/api/contacts/" + personId);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).as(path + ": the person").doesNotContain(helsinkiFacts);
        JsonNode seen = Keycloak.json(one.body());
        assertThat(seen.get("phone") == null || seen.get("phone").isNull()).as(path + ": no phone").isTrue();
        assertThat(search(tampere, "q=" + secretName)).as(path + ": Helsinki's name finds nobody").isEmpty();
        assertThat(search(tampere, "q=" + enc(seen.get("lastName").asString())).toString())
                .as(path + ": the name Tampere gave finds them").contains(personId);
        HttpResponse<String> all = tampere.get(Stack.GATEWAY + "/api/contacts/export.csv");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).as(path + ": CSV export of everyone Tampere sees").contains(personId).doesNotContain(helsinkiFacts);
        assertThat(tampere.get(Stack.GATEWAY + "/api/contacts/export.xlsx").statusCode()).isEqualTo(200);
        HttpResponse<String> audit = tampere.get(Stack.GATEWAY + "/api/contacts/" + personId + "/audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).as(path + ": audit trail").doesNotContain(helsinkiFacts).doesNotContain("Aino Virtanen");
    }

    /**
     * A city with no link to the person finds them by no path — address, names, id, the CSV export, the audit trail,
     * a merge — and each answer is the one for someone who does not exist.
     */
    private static void outsiderSeesNothing(Browser outsider, String personId, String email, String path, String... names)
            throws Exception {
        assertThat(byEmail(outsider, email)).as(path + ": outsider by address").isEmpty();
        for (String name : names) {
            assertThat(search(outsider, "q=" + enc(name)).toString()).as(path + ": outsider by " + name).doesNotContain(personId);
        }
        String nobody = UUID.randomUUID().toString();
        for (String what : List.of("", "/audit", "/gdpr-export")) {
            HttpResponse<String> theirs = outsider.get(Stack.GATEWAY + "/api/contacts/" + personId + what);
            HttpResponse<String> none = outsider.get(Stack.GATEWAY + "/api/contacts/" + nobody + what);
            assertThat(theirs.statusCode()).as(path + ": outsider reads " + what).isEqualTo(none.statusCode()).isIn(403, 404);
            assertThat(theirs.body().replace(personId, "ID")).as(path + ": as for nobody " + what)
                    .isEqualTo(none.body().replace(nobody, "ID"));
        }
        HttpResponse<String> merged = outsider.send("POST", Stack.GATEWAY + "/api/contacts/" + personId + "/merge",
                "{\"duplicateId\": \"" + nobody + "\"}");
        assertThat(merged.statusCode()).as(path + ": outsider merges").isEqualTo(404);
        HttpResponse<String> all = outsider.get(Stack.GATEWAY + "/api/contacts/export.csv");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).as(path + ": outsider's CSV export").doesNotContain(personId, email);
    }

    private static Browser signedIn(String city, String username) throws Exception {
        Browser browser = new Browser();
        browser.signIn(city, username, "demo");
        return browser;
    }

    private static List<JsonNode> byEmail(Browser browser, String email) throws Exception {
        return search(browser, "email=" + enc(email));
    }

    private static List<JsonNode> search(Browser browser, String query) throws Exception {
        HttpResponse<String> found = browser.get(Stack.GATEWAY + "/api/contacts?size=200&" + query);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        Keycloak.json(found.body()).get("items").forEach(items::add);
        return items;
    }

    private static JsonNode person(Browser browser, String id) throws Exception {
        HttpResponse<String> one = browser.get(Stack.GATEWAY + "/api/contacts/" + id);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        return Keycloak.json(one.body());
    }

    /** A project of one city, planned by its integrator or its project manager, with one contact person. */
    private static String project(String integrator, Browser manager, String city, String acronym, String contactName,
            String contactEmail) throws Exception {
        String body = projectBody(city, acronym, contactName, contactEmail);
        HttpResponse<String> planned = integrator != null ? Api.post(Stack.GATEWAY + "/api/projects", integrator, body)
                : manager.send("POST", Stack.GATEWAY + "/api/projects", body);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        return Keycloak.json(planned.body()).get("id").asString();
    }

    private static String projectBody(String city, String acronym, String contactName, String contactEmail) {
        String contacts = contactEmail == null ? "[]" : """
                [{"name": "%s", "role": "PROJECT_MANAGER", "organisation": "Esimerkki Oy", "email": "%s"}]
                """.formatted(contactName, contactEmail);
        return """
                {"acronym": "%s", "name": {"fi": "Näkyvyyshanke %s"}, "startDate": "2026-01-01",
                 "leadCity": "%s", "participatingCities": ["%s"], "contacts": %s}
                """.formatted(acronym, acronym, city, city, contacts);
    }

    /** An event of the Tampere project, created by its organiser once events-service knows the project. */
    private static String tampereEvent(Browser organiser, String projectId, String tag) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = organiser.send("POST", Stack.GATEWAY + "/api/events", """
                    {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Tampereen webinaari %s"},
                     "capacity": 50, "startsAt": "2027-03-01T08:00:00Z", "endsAt": "2027-03-01T10:00:00Z"}
                    """.formatted(projectId, tag));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404);
            return false;
        });
        return id[0];
    }

    /** An answer without what differs between any two entries: ids and times. */
    private static String shape(String json) {
        return json.replaceAll("\"(id|createdAt|updatedAt|lastActivityAt|at)\":\"[^\"]*\"", "\"$1\":\"…\"");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
