package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.contacts.organisation.Organisation;
import fi.ecosystem.platform.testing.EmbeddedStore;
import fi.ecosystem.platform.testing.ProjectsTopic;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One application context for the API tests of people: the embedded store, an embedded Kafka broker, and
 * three projects — HRI of Hyvinkää and Kerava, the regional towns of Iisalmi and Rauma, Oulu's own.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "ecosystem.contacts.retention.enabled=false"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
abstract class ContactsApiTestBase {

    static final String HRI = "hri";
    static final String TOWNS = "towns";
    static final String OULU = "oulu-project";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "contacts-api-test");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    ContactService contacts;

    private static boolean projectsAnnounced;

    @BeforeEach
    void emptyStoreWithKnownProjects() {
        // emptied, not dropped: the indexes (the unique e-mail) stay
        mongo.remove(new Query(), Contact.class);
        mongo.remove(new Query(), ContactAudit.Entry.class);
        mongo.remove(new Query(), Organisation.class);
        mongo.remove(new Query(), Retention.LEASES);
        mongo.remove(new Query(), ContactWords.COLLECTION);
        mongo.remove(new Query(), ParticipationLine.class);
        if (!projectsAnnounced) {
            ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, HRI, "Helsinki Ring of Industry", List.of("hyvinkaa", "kerava"));
            ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, TOWNS, "Seutukaupungit", List.of("iisalmi", "rauma"));
            ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, OULU, "Oulun hanke", List.of("oulu"));
            projectsAnnounced = true;
        }
    }

    /** A caller acting for two cities (Keycloak puts every organization of the user in the token). */
    static RequestPostProcessor twoCities(String first, String second, String... roles) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject(first + "-" + second + "-user").claim("preferred_username", first + "." + second)
                        .claim("organization", List.of(first, second))
                        .claim("realm_access", java.util.Map.of("roles", List.of(roles))));
    }

    static String person(String firstName, String lastName, String email, String phone, String project) {
        return """
                {"firstName": "%s", "lastName": "%s", "title": "Projektipäällikkö", "organisationName": "Esimerkki Oy",
                 "email": %s, "phone": %s, "language": "fi", "projectIds": ["%s"]}
                """.formatted(firstName, lastName, email == null ? "null" : "\"" + email + "\"",
                phone == null ? "null" : "\"" + phone + "\"", project);
    }

    /** Enters a person as staff of the city and returns their id. */
    String enter(RequestPostProcessor caller, String body) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/contacts?allowDuplicate=true").with(caller)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String enterInHri(String firstName, String lastName, String email) throws Exception {
        return enter(cityUser("hyvinkaa", "staff"), person(firstName, lastName, email, null, HRI));
    }
}
