package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** A merge keeps everything both people had, is recorded, and can be repeated safely. */
class MergeTest extends ContactsApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    ParticipationHistory history;

    static final CityUser STAFF = new CityUser("s-1", "Sanna Staff", Set.of("kerava", "iisalmi"), Set.of("staff"), Set.of(), false);

    static RegistrationChanged registration(String registrationId, String projectId, String email) {
        return new RegistrationChanged(registrationId, "event-" + registrationId, projectId, "CONFIRMED", null,
                new RegistrationChanged.Participant(email, "Ville", "Virtanen", "Esimerkki Oy", null, "fi"), Instant.now());
    }

    @Test
    void aMergeKeepsParticipationConsentsAndRolesOfBothAndIsAudited() throws Exception {
        PersonView survivor = contacts.create(STAFF, new ContactDetails("Ville", "Virtanen", "CEO", "Esimerkki Oy", null,
                "ville.virtanen@example.org", null, "fi"), Set.of(HRI), false);
        contacts.registrationChanged(registration("r-1", HRI, "ville.virtanen@example.org"), Instant.parse("2026-03-01T10:00:00Z"));
        contacts.giveConsent(STAFF, survivor.id(), ConsentPurpose.NEWSLETTER, LegalBasis.CONSENT, ConsentSource.FORM, null, "nl-1");
        contacts.assignRole(STAFF, survivor.id(), HRI, "BUSINESS_EXPERT", null);

        Contact duplicate = contacts.registrationChanged(registration("r-2", TOWNS, "ville@esimerkki.example.org"),
                Instant.parse("2026-04-01T10:00:00Z"));
        contacts.giveConsent(STAFF, duplicate.id(), ConsentPurpose.RESEARCH, LegalBasis.CONSENT, ConsentSource.STAFF,
                "Saa käyttää tutkimukseen", null);
        contacts.assignRole(STAFF, duplicate.id(), TOWNS, "PROJECT_SECRETARY", null);
        contacts.edit(STAFF, duplicate.id(), new ContactDetails("Ville", "Virtanen", null, null, null,
                "ville@esimerkki.example.org", "040 765 4321", "fi"));

        mvc.perform(post("/api/contacts/" + survivor.id() + "/merge").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\": \"" + duplicate.id() + "\"}"))
                .andExpect(status().isNotFound()); // the duplicate is not Kerava's to see
        mvc.perform(post("/api/contacts/" + survivor.id() + "/merge").with(twoCities("kerava", "iisalmi", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\": \"" + duplicate.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(survivor.id()))
                .andExpect(jsonPath("$.participations.length()").value(2))
                .andExpect(jsonPath("$.consents.length()").value(2))
                .andExpect(jsonPath("$.roles.length()").value(2))
                .andExpect(jsonPath("$.phone").value("+358407654321"))
                .andExpect(jsonPath("$.otherEmails[0]").value("ville@esimerkki.example.org"))
                .andExpect(jsonPath("$.mergedFrom[0]").value(duplicate.id()));

        Contact merged = mongo.findById(survivor.id(), Contact.class);
        assertThat(history.of(survivor.id())).extracting(Participation::registrationId).containsExactly("r-1", "r-2");
        assertThat(history.of(duplicate.id())).as("the duplicate's lines moved").isEmpty();
        assertThat(merged.participatedIn()).containsExactlyInAnyOrder(HRI, TOWNS);
        assertThat(merged.consents()).extracting(Consent::purpose).containsExactly(ConsentPurpose.NEWSLETTER, ConsentPurpose.RESEARCH);
        assertThat(merged.roles()).extracting(ProjectRole::role).containsExactlyInAnyOrder("BUSINESS_EXPERT", "PROJECT_SECRETARY");
        assertThat(merged.projectIds()).containsExactlyInAnyOrder(HRI, TOWNS);
        Contact pointer = mongo.findById(duplicate.id(), Contact.class);
        assertThat(pointer.mergedInto()).isEqualTo(survivor.id());
        assertThat(pointer.email()).isNull();

        // the duplicate's id leads to the survivor; it is no longer a search result of its own
        mvc.perform(get("/api/contacts/" + duplicate.id()).with(cityUser("iisalmi", "staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(survivor.id()));
        mvc.perform(get("/api/contacts?q=ville").with(cityUser("kerava", "staff"))).andExpect(jsonPath("$.totalItems").value(1));

        // the audit trail records who merged whom
        mvc.perform(get("/api/contacts/" + survivor.id() + "/audit").with(cityUser("kerava", "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("merged"))
                .andExpect(jsonPath("$.items[0].actor").value("kerava-iisalmi-user"))
                .andExpect(jsonPath("$.items[0].details.duplicateId").value(duplicate.id()));
        assertThat(mongo.find(new Query(Criteria.where("contactId").is(duplicate.id())), ContactAudit.Entry.class))
                .extracting(ContactAudit.Entry::action).contains("merged-into");

        // a later registration under the duplicate's address reaches the survivor
        contacts.registrationChanged(registration("r-3", TOWNS, "ville@esimerkki.example.org"), Instant.now());
        assertThat(history.of(survivor.id())).hasSize(3);
        assertThat(mongo.count(new Query(Criteria.where("mergedInto").is(null)), Contact.class)).isEqualTo(1);

        // repeating the merge changes nothing
        mvc.perform(post("/api/contacts/" + survivor.id() + "/merge").with(twoCities("kerava", "iisalmi", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\": \"" + duplicate.id() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.participations.length()").value(3));
        assertThat(mongo.find(new Query(Criteria.where("contactId").is(survivor.id()).and("action").is("merged")),
                ContactAudit.Entry.class)).hasSize(1);
    }

    /**
     * One poll of registrations reads its people together (their own addresses, then the merged ones among the rest):
     * each registration still reaches the person holding its address, and a person twice in the poll stays one.
     */
    @Test
    void aPollFindsPeopleByTheirOwnAndTheirMergedAddressesAndAPersonTwiceInItStaysOne() {
        PersonView survivor = contacts.create(STAFF, new ContactDetails("Ville", "Virtanen", null, null, null,
                "ville.virtanen@example.org", null, "fi"), Set.of(HRI), false);
        PersonView duplicate = contacts.create(STAFF, new ContactDetails("Ville", "Virtanen", null, null, null,
                "ville@esimerkki.example.org", null, "fi"), Set.of(HRI), true);
        contacts.merge(STAFF, survivor.id(), duplicate.id());
        PersonView known = contacts.create(STAFF, new ContactDetails("Aino", "Laine", null, null, null,
                "aino.laine@example.org", null, "fi"), Set.of(HRI), false);
        long people = mongo.count(new Query(), Contact.class);
        Instant at = Instant.parse("2026-11-30T10:00:00Z");

        contacts.registrationsChanged(List.of(
                registration("p-1", HRI, "Ville@Esimerkki.example.org"), // the duplicate's address, merged
                registration("p-2", TOWNS, "aino.laine@example.org"),
                registration("p-3", HRI, "uusi.ihminen@example.org"),
                registration("p-4", TOWNS, "uusi.ihminen@example.org"), // a new person, twice in the poll
                registration("p-5", TOWNS, "ville.virtanen@example.org")), // the survivor again, under their own
                List.of(at, at, at, at, at));

        assertThat(mongo.count(new Query(), Contact.class)).as("one new person").isEqualTo(people + 1);
        assertThat(history.of(survivor.id())).extracting(Participation::registrationId).containsExactlyInAnyOrder("p-1", "p-5");
        assertThat(history.of(known.id())).extracting(Participation::registrationId).containsExactly("p-2");
        Contact added = mongo.findOne(new Query(Criteria.where("email").is("uusi.ihminen@example.org")), Contact.class);
        assertThat(history.of(added.id())).extracting(Participation::registrationId).containsExactlyInAnyOrder("p-3", "p-4");
        assertThat(mongo.findById(survivor.id(), Contact.class).participatedIn()).containsExactlyInAnyOrder(HRI, TOWNS);
        assertThat(mongo.findById(added.id(), Contact.class).participatedIn()).containsExactlyInAnyOrder(HRI, TOWNS);
    }

    @Test
    void aPersonWithoutAnAddressTakesTheDuplicatesAndNobodyIsMergedWithThemselves() throws Exception {
        PersonView survivor = contacts.create(STAFF, new ContactDetails("Ville", "Virtanen", null, null, null, null,
                "040 123 4567", "fi"), Set.of(HRI), false);
        PersonView duplicate = contacts.create(STAFF, new ContactDetails("Ville", "Virtanen", null, null, null,
                "ville@example.org", null, "sv"), Set.of(HRI), true);

        PersonView merged = contacts.merge(STAFF, survivor.id(), duplicate.id());

        assertThat(merged.email()).isEqualTo("ville@example.org");
        assertThat(merged.otherEmails()).isEmpty();
        mvc.perform(post("/api/contacts/" + survivor.id() + "/merge").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\": \"" + survivor.id() + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("merge-self"));
        mvc.perform(post("/api/contacts/" + survivor.id() + "/merge").with(cityUser("kerava", "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("duplicateId"));
        assertThat(List.of(mongo.findById(duplicate.id(), Contact.class).mergedInto())).containsExactly(survivor.id());
    }
}
