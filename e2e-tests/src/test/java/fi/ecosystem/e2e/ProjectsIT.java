package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Projects through the gateway as a real city user (browser session) and as an integrator, on the demo data. */
@ExtendWith(Stack.class)
class ProjectsIT {

    @Test
    void aProjectManagerPlansAProjectWithWorkPackagesAndIndicatorsAndSeesTheAuditTrail() throws Exception {
        Browser browser = new Browser();
        browser.signIn("helsinki", "aino.virtanen", "demo");
        HttpResponse<String> planned = browser.postJson(Stack.GATEWAY + "/api/projects", """
                {"acronym": "DATA", "name": {"fi": "Datatalouden kasvuohjelma", "en": "Data economy growth programme"},
                 "startDate": "2027-01-01", "endDate": "2028-12-31", "leadCity": "helsinki",
                 "participatingCities": ["helsinki", "tampere"], "totalBudgetEur": 900000,
                 "funding": [{"funder": "Uudenmaan liitto", "programme": "AKKE", "amountEur": 600000}],
                 "themes": ["DIGITALISING_INDUSTRY"]}
                """, true);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String id = Keycloak.json(planned.body()).get("id").asString();

        assertThat(browser.send("PUT", Stack.GATEWAY + "/api/projects/" + id + "/work-packages/1",
                "{\"title\": {\"fi\": \"Kartoitus\"}, \"responsiblePartner\": \"Helsingin kaupunki\","
                        + " \"deliverables\": [{\"title\": \"Raportti\", \"dueDate\": \"2027-06-30\"}]}").statusCode()).isEqualTo(200);
        assertThat(browser.send("PUT", Stack.GATEWAY + "/api/projects/" + id + "/indicators/companies",
                "{\"name\": {\"fi\": \"Mukana olleet yritykset\"}, \"unit\": \"pcs\", \"target\": 40}").statusCode()).isEqualTo(200);
        HttpResponse<String> reported = browser.send("POST", Stack.GATEWAY + "/api/projects/" + id + "/indicators/companies/values",
                "{\"period\": \"2027-H1\", \"value\": 12}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(Keycloak.json(reported.body()).get("indicators").get(0).get("actual").asLong()).isEqualTo(12);

        JsonNode audit = Keycloak.json(browser.get(Stack.GATEWAY + "/api/projects/" + id + "/audit").body());
        assertThat(audit.get("totalItems").asInt()).isEqualTo(4);
        assertThat(audit.get("items").get(0).get("actorName").asString()).contains("Aino");

        // a colleague from Tampere, the other participating city, sees it; Oulu does not
        Browser tampere = new Browser();
        tampere.signIn("tampere", "jari.salminen", "demo");
        assertThat(tampere.get(Stack.GATEWAY + "/api/projects/" + id).statusCode()).isEqualTo(200);
        assertThat(tampere.send("PUT", Stack.GATEWAY + "/api/projects/" + id + "/status", "{\"status\": \"ACTIVE\"}").statusCode())
                .as("staff without the project-manager role").isEqualTo(403);
        Browser oulu = new Browser();
        oulu.signIn("oulu", "satu.karjalainen", "demo");
        assertThat(oulu.get(Stack.GATEWAY + "/api/projects/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theSeedProjectsAreThereForTheirCities() throws Exception {
        String helsinki = Keycloak.clientCredentials("ecosystem", "helsinki-bi", "helsinki-bi-local-secret");

        JsonNode growth = Keycloak.json(Api.get(Stack.GATEWAY + "/api/projects/kasvun-ekosysteemit", helsinki).body());
        assertThat(growth.get("totalBudgetEur").asLong()).isEqualTo(4_400_000);
        assertThat(growth.get("partners")).hasSize(7);
        assertThat(growth.get("startDate").asString()).isEqualTo("2018-08-01");

        HttpResponse<String> search = Api.get(Stack.GATEWAY + "/api/projects?q=health&theme=HUMAN_HEALTH_TECH", helsinki);
        assertThat(search.body()).contains("health-capital-helsinki").doesNotContain("kasvun-ekosysteemit");
        HttpResponse<String> csv = Api.get(Stack.GATEWAY + "/api/projects/export.csv?status=ENDED", helsinki);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("KASVU;Kasvun ekosysteemit;Päättynyt").doesNotContain("ENDED");
    }
}
