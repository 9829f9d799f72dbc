package fi.ecosystem.contacts.contact;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fi.ecosystem.contacts.organisation.OrganisationService;
import fi.ecosystem.contacts.organisation.OrganisationType;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.platform.security.CityUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The access rule for every write endpoint of people and organisations: staff, project managers and admins
 * of a city of the person's projects may write; the same city without such a role gets 403; another city 404
 * (existence is not revealed); no token 401; integrators need contacts:write. The audit trail is for staff
 * and admins.
 */
class ContactAccessTest extends ContactsApiTestBase {

    static final int SUCCESS = 0;

    @Autowired
    OrganisationService organisations;

    private final AtomicInteger sequence = new AtomicInteger();

    record Fixture(String personId, String duplicateId, String consentId, String organisationId, int n) {
    }

    record Endpoint(String name, int success, BiFunction<Fixture, Integer, MockHttpServletRequestBuilder> request) {
    }

    record Caller(String name, RequestPostProcessor token, int expected) {
    }

    static final String ORGANISATION = """
            {"type": "COMPANY", "name": {"fi": "Esimerkki Oy"}, "projectIds": ["hri"]}
            """;

    static final List<Endpoint> WRITES = List.of(
            new Endpoint("enter a person", 201, (f, n) -> json(post("/api/contacts?allowDuplicate=true"),
                    person("Uusi", "Henkilö", "uusi" + n + "@example.org", null, HRI))),
            new Endpoint("edit a person", 200, (f, n) -> json(put("/api/contacts/" + f.personId()),
                    person("Aino", "Muutettu", "aino" + f.n() + "@example.org", "040 123 4567", HRI))),
            new Endpoint("merge", 200, (f, n) -> json(post("/api/contacts/" + f.personId() + "/merge"),
                    "{\"duplicateId\": \"" + f.duplicateId() + "\"}")),
            new Endpoint("give consent", 200, (f, n) -> json(post("/api/contacts/" + f.personId() + "/consents"),
                    "{\"purpose\": \"RESEARCH\", \"legalBasis\": \"CONSENT\", \"source\": \"STAFF\", \"textVersion\": \"research-v1\"}")),
            new Endpoint("withdraw consent", 200, (f, n) -> post("/api/contacts/" + f.personId() + "/consents/" + f.consentId() + "/withdrawal")),
            new Endpoint("set a role", 200, (f, n) -> json(put("/api/contacts/" + f.personId() + "/roles/" + HRI),
                    "{\"role\": \"BUSINESS_EXPERT\"}")),
            new Endpoint("remove a role", 200, (f, n) -> delete("/api/contacts/" + f.personId() + "/roles/" + HRI)),
            new Endpoint("create an organisation", 201, (f, n) -> json(post("/api/organisations"), ORGANISATION)),
            new Endpoint("change an organisation", 200, (f, n) -> json(put("/api/organisations/" + f.organisationId()),
                    ORGANISATION.replace("Esimerkki Oy", "Esimerkki Oyj"))));

    static final List<Caller> WRITERS = List.of(
            new Caller("staff of a project city", cityUser("kerava", "staff"), SUCCESS),
            new Caller("project manager of a project city", cityUser("hyvinkaa", "project-manager"), SUCCESS),
            new Caller("admin of a project city", cityUser("kerava", "admin"), SUCCESS),
            new Caller("project city user without a role", cityUser("kerava"), 403),
            new Caller("event organiser of a project city", cityUser("kerava", "event-organiser"), 403),
            new Caller("staff of another city", cityUser("oulu", "staff", "admin"), 404),
            new Caller("nobody (no token)", null, 401),
            new Caller("integrator of a project city with contacts:write", integrator("kerava", "contacts:write"), SUCCESS),
            new Caller("integrator of a project city with contacts:read", integrator("kerava", "contacts:read"), 403),
            new Caller("integrator of another city with contacts:write", integrator("oulu", "contacts:write"), 404));

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    Fixture fixture() {
        int n = sequence.incrementAndGet();
        CityUser setup = new CityUser("setup", "Setup", Set.of("hyvinkaa"), Set.of("staff"), Set.of(), false);
        PersonView person = contacts.create(setup, new ContactDetails("Aino", "Esimerkki" + n, null, null, null,
                "aino" + n + "@example.org", null, "fi"), Set.of(HRI), true);
        // registered on an event of HRI with a consent on the form: the person is the project's (organisers of its
        // cities see them) and so is the consent (staff of either city may withdraw it)
        contacts.registrationChanged(new fi.ecosystem.contracts.registrations.RegistrationChanged("reg-" + n, "event-" + n, HRI,
                "CONFIRMED", null, new fi.ecosystem.contracts.registrations.RegistrationChanged.Participant("aino" + n + "@example.org",
                        "Aino", "Esimerkki" + n, null, null, "fi"), java.time.Instant.now(), null,
                List.of(new fi.ecosystem.contracts.registrations.RegistrationChanged.Consent("NEWSLETTER", "newsletter-v1", null,
                        java.time.Instant.now()))), java.time.Instant.now());
        person = contacts.view(setup, person.id());
        contacts.assignRole(setup, person.id(), HRI, "PROJECT_MANAGER", null);
        PersonView duplicate = contacts.create(setup, new ContactDetails("Aino", "Esimerkki" + n, null, null, null,
                "aino.e" + n + "@example.org", null, "fi"), Set.of(HRI), true);
        String organisationId = organisations.create(setup, OrganisationType.COMPANY, LocalizedText.of("Esimerkki " + n, null, null),
                null, null, null, null, null, Set.of(HRI)).id();
        return new Fixture(person.id(), duplicate.id(), person.consents().get(0).id(), organisationId, n);
    }

    @Test
    void everyWriteEndpointFollowsTheAccessRule() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : WRITES) {
            for (Caller caller : WRITERS) {
                Fixture fixture = fixture();
                MockHttpServletRequestBuilder request = endpoint.request().apply(fixture, sequence.incrementAndGet());
                if (caller.token() != null) {
                    request = request.with(caller.token());
                }
                MvcResult result = mvc.perform(request).andReturn();
                int expected = caller.expected() == SUCCESS ? endpoint.success() : caller.expected();
                int actual = result.getResponse().getStatus();
                if (actual != expected) {
                    wrong.add(endpoint.name() + " by " + caller.name() + ": " + actual + " instead of " + expected
                            + " " + result.getResponse().getContentAsString());
                } else if (actual >= 400 && !String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                    wrong.add(endpoint.name() + " by " + caller.name() + ": not problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAuditTrailIsReadOnlyForStaffAndAdminsOfACityThatSeesThePerson() throws Exception {
        Fixture fixture = fixture();
        List<Caller> readers = List.of(
                new Caller("staff", cityUser("kerava", "staff"), 200),
                new Caller("admin", cityUser("hyvinkaa", "admin"), 200),
                new Caller("project manager", cityUser("kerava", "project-manager"), 403),
                new Caller("no role", cityUser("kerava"), 403),
                new Caller("integrator", integrator("kerava", "contacts:write"), 403),
                new Caller("other city", cityUser("oulu", "staff", "admin"), 404),
                new Caller("nobody", null, 401));
        for (Caller caller : readers) {
            MockHttpServletRequestBuilder request = get("/api/contacts/" + fixture.personId() + "/audit");
            if (caller.token() != null) {
                request = request.with(caller.token());
            }
            assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as(caller.name()).isEqualTo(caller.expected());
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .request(org.springframework.http.HttpMethod.valueOf(method), "/api/contacts/" + fixture.personId() + "/audit")
                            .with(cityUser("kerava", "admin"))).andReturn().getResponse().getStatus())
                    .as("the audit trail cannot be written: " + method).isEqualTo(405);
        }
    }
}
