package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Browser login per city through the gateway (authorization code + PKCE), then the API with that session. */
@ExtendWith(Stack.class)
class LoginPerCityIT {

    static List<String> projectIds(String body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : Keycloak.json(body).get("items")) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }

    @Test
    void aCityUserSignsInThroughTheGatewayAndSeesHerCitysProjectsWithTheSession() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landing = browser.signIn("helsinki", "aino.virtanen", "demo");
        assertThat(landing.statusCode()).isEqualTo(200);

        HttpResponse<String> projects = browser.get(Stack.GATEWAY + "/api/projects?size=100");

        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projectIds(projects.body())).contains("kasvun-ekosysteemit").doesNotContain("hri", "hri-2024");
        HttpResponse<String> home = browser.get(Stack.GATEWAY + "/app");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Kasvun ekosysteemit", "helsinki");
    }

    @Test
    void aUserOfABrokeredCityLogsInWithHerOwnCitysIdentityProvider() throws Exception {
        Browser browser = new Browser();
        browser.signIn("espoo", "sanna.makela", "demo");

        HttpResponse<String> projects = browser.get(Stack.GATEWAY + "/api/projects?size=100");

        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projectIds(projects.body())).contains("kasvun-ekosysteemit").doesNotContain("seutukaupunkien-innovaatioekosysteemit");
    }

    @Test
    void aKuumaMunicipalitySeesItsOwnProjectsAndNotOthers() throws Exception {
        Browser browser = new Browser();
        browser.signIn("hyvinkaa", "pekka.jarvinen", "demo");

        List<String> ids = projectIds(browser.get(Stack.GATEWAY + "/api/projects?size=100").body());

        assertThat(ids).contains("hri", "hri-2024").doesNotContain("kasvun-ekosysteemit");
        assertThat(browser.get(Stack.GATEWAY + "/api/projects/kasvun-ekosysteemit").statusCode()).isEqualTo(404);
    }

    @Test
    void theBrowserSessionNeedsTheCsrfTokenToChangeAnything() throws Exception {
        Browser browser = new Browser();
        browser.signIn("helsinki", "aino.virtanen", "demo");
        String plan = """
                {"acronym": "E2E", "name": {"fi": "Selainistunnon hanke"}, "startDate": "2026-01-01",
                 "leadCity": "helsinki", "participatingCities": ["helsinki"]}
                """;

        assertThat(browser.postJson(Stack.GATEWAY + "/api/projects", plan, false).statusCode()).isEqualTo(403);
        HttpResponse<String> created = browser.postJson(Stack.GATEWAY + "/api/projects", plan, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void staffPagesSendAnonymousBrowsersToTheCitySignIn() throws Exception {
        HttpResponse<String> response = new Browser().get(Stack.GATEWAY + "/app");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }
}
