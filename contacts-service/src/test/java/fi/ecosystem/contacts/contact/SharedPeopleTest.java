package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The rules of shared people through the API (docs/architecture.md): Oulu's person, linked by HRI's contact list
 * (Hyvinkää and Kerava), shows HRI's cities only what HRI supplied — by id, by e-mail, in the search and as a
 * duplicate candidate; reading needs a role; organisers see the people of their events; stored people migrate once.
 */
class SharedPeopleTest extends ContactsApiTestBase {

    @Autowired
    PersonSources sources;

    String ouluPerson() throws Exception {
        return enter(cityUser("oulu", "staff"), person("Olli", "Oululainen", "olli@example.org", "040 999 8888", OULU));
    }

    void hriListsThem(String email) {
        contacts.projectContactsChanged(new ProjectChanged("changed", HRI, LocalizedText.of("HRI", null, null), "HRI", "ACTIVE",
                "hyvinkaa", List.of("hyvinkaa", "kerava"), null,
                List.of(new ProjectChanged.ProjectContact("Hilkka", "Hyvinkääläinen", email, "PROJECT_MANAGER", "HRI Oy"))),
                Instant.now());
    }

    @Test
    void aProjectsContactListLinksThePersonWithoutShowingWhatOthersSupplied() throws Exception {
        String id = ouluPerson();
        mvc.perform(get("/api/contacts").param("email", "olli@example.org").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));

        hriListsThem("olli@example.org");

        mvc.perform(get("/api/contacts").param("email", "olli@example.org").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].lastName").value("Hyvinkääläinen"))
                .andExpect(jsonPath("$.items[0].phone").doesNotExist())
                .andExpect(jsonPath("$.items[0].projectIds").value(org.hamcrest.Matchers.contains(HRI)));
        mvc.perform(get("/api/contacts/" + id).with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Oululainen"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(OULU))))
                .andExpect(jsonPath("$.sources[0].scope").value(HRI))
                .andExpect(jsonPath("$.roles[0].projectId").value(HRI));
        mvc.perform(get("/api/contacts").param("q", "oulul").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/contacts").param("q", "hyvinkaal").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/contacts").param("q", "oulul").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].phone").value("+358409998888"));
        // the audit trail: the system's line for HRI, not Oulu's staff entry
        mvc.perform(get("/api/contacts/" + id + "/audit").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].details.projectId").value(HRI));
        mvc.perform(get("/api/contacts/" + id + "/audit").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actorName").value("oulu.user"));
    }

    @Test
    void duplicateCandidatesComeOnlyFromWhatTheCallerSees() throws Exception {
        String id = ouluPerson();
        hriListsThem("olli@example.org");
        // Kerava sees the person through HRI, but not Oulu's name or phone: neither makes them a candidate
        mvc.perform(post("/api/contacts").with(cityUser("kerava", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(person("Olli", "Oululainen", "toinen.olli@example.org", "040 999 8888", HRI)))
                .andExpect(status().isCreated());
        // what Kerava does see — the name HRI gave — is a candidate, shown as Kerava sees them
        mvc.perform(post("/api/contacts").with(cityUser("kerava", "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content(person("Hilkka", "Hyvinkääläinen", "hilkka@example.org", null, HRI)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("possible-duplicates"))
                .andExpect(jsonPath("$.candidates[0].id").value(id))
                .andExpect(jsonPath("$.candidates[0].matchedOn").value(org.hamcrest.Matchers.contains("name")))
                .andExpect(jsonPath("$.candidates[0].phone").doesNotExist());
    }

    @Test
    void aPersonsDuplicatesAreThePeopleTheCallerSeesAlikeAsTheCallerSeesThem() throws Exception {
        String oulus = ouluPerson();
        hriListsThem("olli@example.org");
        String keravas = enter(cityUser("kerava", "staff"), person("Hilkka", "Hyvinkääläinen", "hilkka@example.org", null, HRI));
        String ouluOnly = enter(cityUser("oulu", "staff"), person("Hilkka", "Hyvinkääläinen", "h2@example.org", null, OULU));
        // Kerava sees Oulu's person only by the name HRI gave: that name makes them a candidate, without Oulu's phone
        mvc.perform(get("/api/contacts/" + keravas + "/duplicates").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(oulus))
                .andExpect(jsonPath("$[0].matchedOn").value(org.hamcrest.Matchers.contains("name")))
                .andExpect(jsonPath("$[0].phone").doesNotExist());
        // Oulu sees both Oulu people by name, but not Kerava's entry of the same name
        mvc.perform(get("/api/contacts/" + ouluOnly + "/duplicates").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/contacts/" + keravas + "/duplicates").with(cityUser("oulu", "staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void readingPeopleNeedsARoleAndOrganisersSeeThePeopleOfTheirEvents() throws Exception {
        String id = ouluPerson();
        String registered = enterInHri("Reija", "Rekisteröity", "reija@example.org");
        contacts.registrationChanged(new RegistrationChanged("r-1", "e-1", HRI, "CONFIRMED", null,
                new RegistrationChanged.Participant("reija@example.org", "Reija", "Rekisteröity", null, null, "fi"),
                Instant.now()), Instant.now());
        String notRegistered = enterInHri("Pekka", "Projektilainen", "pekka@example.org");

        for (String path : List.of("/api/contacts", "/api/contacts/" + id, "/api/contacts/export.csv",
                "/api/contacts/" + registered + "/audit")) {
            mvc.perform(get(path).with(cityUser("oulu"))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("role-needed"));
        }
        mvc.perform(get("/api/contacts").with(integrator("oulu", "projects:read"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/contacts").with(cityUser("oulu", "staff"))).andExpect(jsonPath("$.totalItems").value(1));

        mvc.perform(get("/api/contacts").with(cityUser("kerava", "event-organiser")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(registered));
        mvc.perform(get("/api/contacts/" + notRegistered).with(cityUser("kerava", "event-organiser")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/contacts/" + notRegistered).with(cityUser("kerava", "staff"))).andExpect(status().isOk());
    }

    @Test
    void storedPeopleGetSourcesOnceAndAreFoundByTheirProjectsCities() throws Exception {
        mongo.getCollection("contacts").insertOne(new Document("_id", "legacy-1").append("email", "vanha@example.org")
                .append("firstName", "Vanha").append("lastName", "Tallennettu").append("phone", "+358401112222")
                .append("language", "fi").append("projectIds", List.of(HRI)).append("roles", List.of())
                .append("participations", List.of()).append("consents", List.of(new Document("purpose", "NEWSLETTER").append("legalBasis", "CONSENT").append("source", "STAFF")
                        .append("textVersion", "nl-1").append("recordedBy", "Aino")))
                .append("searchTokens", List.of("vanha", "tallennettu")).append("sortName", "tallennettu vanha")
                .append("createdAt", new java.util.Date()).append("version", 0L));

        assertThat(sources.migrate()).isEqualTo(1);
        assertThat(sources.migrate()).as("once").isZero();
        new ContactWords(mongo).rebuild();

        Contact migrated = mongo.findById("legacy-1", Contact.class);
        assertThat(migrated.entries()).extracting(PersonEntry::scope).containsExactly(HRI);
        assertThat(migrated.consents()).extracting(Consent::scope).containsExactly(HRI);
        mvc.perform(get("/api/contacts").param("q", "tallen").with(cityUser("kerava", "staff")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].phone").value("+358401112222"));
        mvc.perform(get("/api/contacts").param("q", "tallen").with(cityUser("oulu", "staff")))
                .andExpect(jsonPath("$.totalItems").value(0));
    }
}
