package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The contact persons projects-service lists for a project become people with that role, matched by e-mail. */
class ProjectRolesTest extends ContactsApiTestBase {

    static final String PROJECT = "roles-project";

    void projectChanged(String contactsJson) {
        TopicProbe.send(kafka.getBrokersAsString(), Topics.PROJECTS, PROJECT, """
                {"id": "%s", "type": "project.changed", "version": 1, "time": "2026-05-01T00:00:00Z",
                 "data": {"change": "changed", "projectId": "%s", "name": {"fi": "Roolihanke"}, "status": "ACTIVE",
                          "participatingCities": ["iisalmi", "rauma"]%s}}
                """.formatted(UUID.randomUUID(), PROJECT, contactsJson == null ? "" : ", \"contacts\": " + contactsJson));
    }

    Optional<Contact> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("email").is(email)), Contact.class));
    }

    @Test
    void projectContactsAreMatchedByEmailOrCreatedAndKeepTheirRolePerProject() throws Exception {
        String existing = enter(cityUser("iisalmi", "staff"), person("Sari", "Sihteeri", "sari.sihteeri@example.org", null, TOWNS));

        projectChanged("""
                [{"firstName": "Ilkka", "lastName": "Iisalmelainen", "email": "Ilkka.Iisalmelainen@example.org",
                  "role": "PROJECT_MANAGER", "organisation": "Iisalmen kaupunki"},
                 {"firstName": "Sari", "lastName": "Sihteeri", "email": "sari.sihteeri@example.org",
                  "role": "PROJECT_SECRETARY", "organisation": "Iisalmen kaupunki"},
                 {"firstName": "Ei", "lastName": "Osoitetta", "role": "CEO"}]
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> byEmail("ilkka.iisalmelainen@example.org").isPresent()
                && !byEmail("sari.sihteeri@example.org").orElseThrow().roles().isEmpty());

        Contact created = byEmail("ilkka.iisalmelainen@example.org").orElseThrow();
        assertThat(created.roles()).extracting(ProjectRole::projectId, ProjectRole::role, ProjectRole::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PROJECT, "PROJECT_MANAGER", ProjectRole.Source.PROJECT));
        assertThat(created.organisationName()).isEqualTo("Iisalmen kaupunki");
        Contact matched = byEmail("sari.sihteeri@example.org").orElseThrow();
        assertThat(matched.id()).isEqualTo(existing);
        assertThat(matched.projectIds()).containsExactlyInAnyOrder(TOWNS, PROJECT);
        assertThat(mongo.count(new Query(Criteria.where("lastName").is("Osoitetta")), Contact.class)).isZero();
        mvc.perform(get("/api/contacts?role=PROJECT_MANAGER&projectId=" + PROJECT).with(cityUser("rauma", "staff")))
                .andExpect(jsonPath("$.items[0].lastName").value("Iisalmelainen"));

        // an event of an older producer, without the list, leaves the roles alone
        projectChanged(null);
        // Sari leaves the project's list; Ilkka becomes its secretary
        projectChanged("""
                [{"firstName": "Ilkka", "lastName": "Iisalmelainen", "email": "ilkka.iisalmelainen@example.org",
                  "role": "PROJECT_SECRETARY", "organisation": "Iisalmen kaupunki"}]
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> byEmail("sari.sihteeri@example.org").orElseThrow().roles().isEmpty());
        assertThat(byEmail("ilkka.iisalmelainen@example.org").orElseThrow().roles()).extracting(ProjectRole::role)
                .containsExactly("PROJECT_SECRETARY");
        assertThat(byEmail("sari.sihteeri@example.org").orElseThrow().projectIds()).as("the link stays: history")
                .contains(PROJECT);
        assertThat(mongo.count(new Query(Criteria.where("email").is("ilkka.iisalmelainen@example.org")), Contact.class)).isEqualTo(1);
    }
}
