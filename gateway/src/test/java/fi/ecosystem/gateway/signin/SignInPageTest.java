package fi.ecosystem.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.gateway.GatewayProperties;
import java.util.List;
import fi.ecosystem.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The sign-in page takes its texts from the gateway's bundle, in the language every gateway page uses. */
class SignInPageTest {

    private final WebTestClient client = WebTestClient.bindToRouterFunction(new SignInPage().signInRoute(
            new GatewayProperties(null, null, null, null, null, null,
                    List.of(new GatewayProperties.City("helsinki", "Helsinki", null), new GatewayProperties.City("espoo", "Espoo", "espoo")),
                    null, null, 1, null, null), MessageBundles.source("i18n/messages"))).build();

    @Test
    void aSwedishBrowserGetsTheSignInPageInSwedish() {
        String page = page(client.get().uri("/sign-in").header("Accept-Language", "sv-FI,sv;q=0.9,fi;q=0.8"));
        assertThat(page).contains("<html lang=\"sv\"", "<title>Logga in</title>", "<h1>Logga in</h1>", "Välj din stad",
                "aria-label=\"Språk\"", "Annan organisation: logga in med e-postadress",
                "href=\"/oauth2/authorization/keycloak?city=espoo&amp;lang=sv\">Espoo</a>")
                .doesNotContain("Kirjaudu", "Valitse");
    }

    @Test
    void theLanguageChosenOnTheSiteWinsOverTheBrowsersAndFinnishIsTheDefault() {
        assertThat(page(client.get().uri("/sign-in").cookie("lang", "sv").header("Accept-Language", "en")))
                .contains("lang=\"sv\"", "Välj din stad");
        assertThat(page(client.get().uri("/sign-in?lang=en").cookie("lang", "sv"))).contains("lang=\"en\"", "Choose your city");
        assertThat(page(client.get().uri("/sign-in").header("Accept-Language", "de-DE")))
                .contains("lang=\"fi\"", "Valitse kaupunkisi", "Kirjaudu sisään");
    }

    @Test
    void aSignInThatDidNotCompleteIsToldInTheUsersLanguage() {
        assertThat(page(client.get().uri("/sign-in?failed").header("Accept-Language", "sv")))
                .contains("role=\"alert\"", "Inloggningen lyckades inte. Välj din stad och logga in igen.", "Välj din stad");
        assertThat(page(client.get().uri("/sign-in?failed&lang=fi"))).contains("Kirjautuminen ei onnistunut.");
        assertThat(page(client.get().uri("/sign-in").header("Accept-Language", "sv")))
                .contains("Välj din stad").doesNotContain("role=\"alert\"", "lyckades inte");
    }

    private static String page(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
