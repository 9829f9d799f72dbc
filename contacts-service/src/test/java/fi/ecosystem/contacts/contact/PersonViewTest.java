package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The visibility filter on one person, without Spring: a Helsinki project's person linked by a Tampere project
 * shows each city only the facts of the scopes it sees (docs/architecture.md).
 */
class PersonViewTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    static final Visibility HELSINKI = new Visibility(Set.of("hel-project", Scopes.city("helsinki")), false);
    static final Visibility TAMPERE = new Visibility(Set.of("tre-project", Scopes.city("tampere")), false);
    static final Visibility OULU = new Visibility(Set.of("oulu-project", Scopes.city("oulu")), false);

    /** Helsinki entered them with a phone, gave them a role, a registration and a consent; then Tampere's list named them. */
    static Contact sharedPerson() {
        Contact person = Contact.enter("p-1", new ContactDetails("Helmi", "Salainen", "CEO", "Helsinki Oy", "org-hel",
                "helmi@example.org", "040 123 4567", "fi"), Set.of("hel-project"), T0);
        person.assignRole("hel-project", "PROJECT_MANAGER", "Helsinki Oy", ProjectRole.Source.PROJECT, T0);
        person.participated(registration("r-hel", "hel-project", "Helmi", "Salainen"), T0.plusSeconds(60));
        person.giveConsent("c-hel", ConsentPurpose.NEWSLETTER, LegalBasis.CONSENT, ConsentSource.STAFF, null, "nl-1", "Aino",
                Scopes.city("helsinki"), T0);
        person.supply(Contact.entryOf("tre-project", new ProjectChanged.ProjectContact("Tiina", "Tamperelainen",
                "helmi@example.org", "CEO", "Tampere Oy"), T0.plusSeconds(120)));
        person.assignRole("tre-project", "CEO", "Tampere Oy", ProjectRole.Source.PROJECT, T0.plusSeconds(120));
        return person;
    }

    static RegistrationChanged registration(String id, String project, String first, String last) {
        return new RegistrationChanged(id, "event-" + id, project, "CONFIRMED", null,
                new RegistrationChanged.Participant("helmi@example.org", first, last, "Rekisteri Oy", null, "fi"), T0, null,
                List.of(new RegistrationChanged.Consent("RESEARCH", "research-1", null, T0)));
    }

    @Test
    void aCitySeesOnlyTheFactsOfItsOwnSources() {
        PersonView tampere = sharedPerson().viewFor(TAMPERE);

        assertThat(tampere.scopes()).containsExactly("tre-project");
        assertThat(tampere.firstName()).isEqualTo("Tiina");
        assertThat(tampere.lastName()).isEqualTo("Tamperelainen");
        assertThat(tampere.organisationName()).isEqualTo("Tampere Oy");
        assertThat(tampere.phone()).isNull();
        assertThat(tampere.title()).isNull();
        assertThat(tampere.organisationId()).isNull();
        assertThat(tampere.email()).isEqualTo("helmi@example.org"); // Tampere typed it itself
        assertThat(tampere.projectIds()).containsExactly("tre-project");
        assertThat(tampere.roles()).extracting(ProjectRole::projectId).containsExactly("tre-project");
        assertThat(tampere.participations()).isEmpty();
        assertThat(tampere.consents()).isEmpty();
        assertThat(tampere.entries()).extracting(PersonEntry::scope).containsExactly("tre-project");
        assertThat(tampere.createdAt()).isEqualTo(T0.plusSeconds(120));

        PersonView helsinki = sharedPerson().viewFor(HELSINKI);
        assertThat(helsinki.phone()).isEqualTo("+358401234567");
        assertThat(helsinki.lastName()).isEqualTo("Salainen");
        assertThat(helsinki.projectIds()).containsExactly("hel-project");
        assertThat(helsinki.participations()).extracting(Participation::registrationId).containsExactly("r-hel");
        assertThat(helsinki.consents()).extracting(Consent::id)
                .containsExactlyInAnyOrder("c-hel", "registration-r-hel-research");
        assertThat(helsinki.roles()).extracting(ProjectRole::projectId).containsExactly("hel-project");
    }

    @Test
    void aCityWithoutALinkDoesNotSeeThePersonAtAll() {
        Contact person = sharedPerson();
        PersonView oulu = person.viewFor(OULU);
        assertThat(oulu.scopes()).isEmpty();
        assertThat(OULU.seesPerson(person)).isFalse();
        assertThat(TAMPERE.seesPerson(person)).isTrue();
    }

    @Test
    void anEventOrganiserSeesOnlyWhereThePersonTookPart() {
        Contact person = sharedPerson();
        Visibility organiserOfBoth = new Visibility(Set.of("hel-project", "tre-project"), true);
        PersonView seen = person.viewFor(organiserOfBoth);
        assertThat(seen.scopes()).containsExactly("hel-project");
        assertThat(seen.roles()).extracting(ProjectRole::projectId).containsExactly("hel-project");
        assertThat(new Visibility(Set.of("tre-project"), true).seesPerson(person)).isFalse();
    }

    @Test
    void aMergedPersonStillShowsEachCityOnlyItsOwnFacts() {
        Contact survivor = sharedPerson();
        Contact duplicate = Contact.enter("p-2", new ContactDetails("Taisto", "Tamperelainen", null, null, null,
                "taisto@example.org", "050 765 4321", "fi"), Set.of("tre-project"), T0.plusSeconds(200));
        survivor.absorb(duplicate);

        PersonView tampere = survivor.viewFor(TAMPERE);
        assertThat(tampere.toString()).doesNotContain("Salainen", "+358401234567", "hel-project", "c-hel");
        assertThat(tampere.phone()).isEqualTo("+358507654321"); // Tampere's own, from its entry
        PersonView helsinki = survivor.viewFor(HELSINKI);
        assertThat(helsinki.toString()).doesNotContain("Taisto", "Tamperelainen", "+358507654321", "tre-project");
        assertThat(helsinki.phone()).isEqualTo("+358401234567");
    }

    @Test
    void theWordIndexMatchesOnlyTheWordsOfVisibleSources() {
        Contact person = sharedPerson();
        Document stored = new Document(Map.of("_id", "p-1", "entries", List.of(
                entry("hel-project", "Helmi", "Salainen", "org-hel", T0),
                entry("tre-project", "Tiina", "Tamperelainen", null, T0.plusSeconds(120))),
                "roles", List.of(new Document("projectId", "hel-project").append("role", "PROJECT_MANAGER"),
                        new Document("projectId", "tre-project").append("role", "CEO")),
                "participatedIn", List.of("hel-project"),
                "projectIds", List.copyOf(person.projectIds())));
        Map<String, Document> entries = ContactWordEntries.of(stored);
        assertThat(entries).containsKeys("n:salainen:p-1", "n:tamperelainen:p-1", "p:hel-project:p-1", "p:tre-project:p-1");

        ContactWordEntries.Entry entry = ContactWordEntries.Entry.of(entries.get("n:salainen:p-1"));
        ContactWordEntries.Seen byTampere = entry.seenThrough(fact -> TAMPERE.sees(fact.scope()));
        assertThat(byTampere.namesBegin(List.of("salai"))).isFalse();
        assertThat(byTampere.namesBegin(List.of("tamper"))).isTrue();
        assertThat(byTampere.roles()).containsExactly("CEO");
        assertThat(byTampere.organisationIds()).isEmpty();
        assertThat(byTampere.sortName()).isEqualTo("tamperelainen tiina");
        ContactWordEntries.Seen byHelsinki = entry.seenThrough(fact -> HELSINKI.sees(fact.scope()));
        assertThat(byHelsinki.namesBegin(List.of("salai", "helm"))).isTrue();
        assertThat(byHelsinki.roles()).containsExactly("PROJECT_MANAGER");
        assertThat(entry.seenThrough(fact -> OULU.sees(fact.scope()))).isNull();
    }

    static Document entry(String scope, String first, String last, String organisationId, Instant at) {
        return new Document("scope", scope).append("firstName", first).append("lastName", last)
                .append("organisationId", organisationId).append("at", java.util.Date.from(at));
    }

    @Test
    void storedPeopleGetTheSourcesOfTheirFactsFromWhatIsKnown() {
        Contact legacy = Contact.enter("p-3", new ContactDetails("Vanha", "Henkilö", "CTO", "Vanha Oy", null,
                "vanha@example.org", "040 111 2222", "fi"), Set.of("hel-project", "tre-project"), T0);
        legacy.assignRole("tre-project", "CEO", null, ProjectRole.Source.PROJECT, T0);
        legacy.participated(registration("r-old", "oulu-project", "Vanha", "Henkilö"), T0);

        PersonSources.sourced(legacy, List.of("hel-project")); // the audit says Helsinki's staff entered them for hel-project

        assertThat(legacy.entries()).extracting(PersonEntry::scope)
                .containsExactlyInAnyOrder("hel-project", "tre-project", "oulu-project");
        PersonView tampere = legacy.viewFor(TAMPERE);
        assertThat(tampere.phone()).as("a project's list supplies no phone").isNull();
        assertThat(tampere.title()).isNull();
        assertThat(tampere.lastName()).isEqualTo("Henkilö");
        assertThat(legacy.viewFor(HELSINKI).phone()).isEqualTo("+358401112222");
        assertThat(legacy.consents()).extracting(Consent::scope).containsExactly("oulu-project");
    }
}
