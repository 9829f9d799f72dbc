package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Staff work with people in a real Chromium through the gateway, from a fresh browser and a direct link: a Helsinki
 * staff member (also an event organiser) edits a person (a wrong phone number is refused in Finnish next to its
 * field), merges two duplicates through the side-by-side preview, records a consent and withdraws it, opens an
 * organisation; then, on a 390 px phone with touch, the event page has no sideways page scroll and a participant
 * is checked in to a session by tapping. axe-core checks the page states that only this journey reaches (a refused
 * edit, the merge candidates, the consent form, pages on a phone); every template as such is checked by
 * {@link AccessibilityIT}.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffPeopleIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String PROJECT = MessagingIT.PROJECT;
    /** The run in letters (a name has no digits), so that no earlier run's people are this run's duplicates. */
    static final String LAST_NAME = "Kaksonen-" + RUN.chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
            .collect(Collectors.joining());
    static final String SURVIVOR_EMAIL = "saara." + RUN + "@example.org";
    static final String DUPLICATE_EMAIL = "s.kaksonen." + RUN + "@example.org";

    static Chromium chromium;
    static WebDriver driver;
    static String survivor;
    static String duplicate;
    static String eventId;

    @BeforeAll
    static void peopleAnEventAndABrowser() throws Exception {
        survivor = enterPerson(SURVIVOR_EMAIL, "040 111 2233");
        duplicate = enterPerson(DUPLICATE_EMAIL, null);
        eventId = programme();
        HttpResponse<String> registered = Api.post(Stack.GATEWAY + "/api/events/" + eventId + "/registrations",
                MessagingIT.integrator(), """
                        {"email": "%s", "firstName": "Tiina", "lastName": "Tapaus", "organisationName": "Kasvuyritys Oy", "language": "fi"}
                        """.formatted("tiina." + RUN + "@example.org"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        // both people readable before the browser asks for them (their words and links are kept asynchronously)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> Api.get(Stack.GATEWAY + "/api/contacts/" + survivor, MessagingIT.integrator()).statusCode() == 200
                        && Api.get(Stack.GATEWAY + "/api/contacts/" + duplicate, MessagingIT.integrator()).statusCode() == 200);
        chromium = new Chromium();
        driver = chromium.driver;
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            System.out.println("axe-core on the page states only this journey reaches:\n"
                    + chromium.checked().stream().map(line -> "  " + line).collect(Collectors.joining("\n")));
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void fromADirectLinkHeSignsInAndEditsAPerson() {
        String personPage = "/app/contacts/" + survivor;
        driver.get(Stack.GATEWAY + personPage);
        wait(ExpectedConditions.urlContains("/sign-in"));
        // the first sign-in after the deep link once failed here (authorization_request_not_found: a parallel
        // request's session write removed the login in progress); it must now work at once
        chromium.signIn("helsinki", "eero.lahtinen", "demo");
        wait(ExpectedConditions.urlContains(personPage));
        assertThat(driver.getCurrentUrl()).contains(personPage);
        assertThat(text("h1")).isEqualTo("Saara " + LAST_NAME);
        assertThat(text("#person-language")).isEqualTo("suomi");
        assertThat(text("main")).doesNotContain(survivor, PROJECT, "NEWSLETTER").doesNotContainPattern("(?m)^fi$");

        navigate(driver.findElement(By.id("edit-person")));
        replace("phone", "12");
        replace("title", "Kasvuasiantuntija");
        new Select(driver.findElement(By.id("language"))).selectByVisibleText("ruotsi");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(text("#phone-error")).isEqualTo("Tarkista tämä tieto.");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Kasvuasiantuntija");
        chromium.axe("edit a person, refused");

        replace("phone", "040 111 2234");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(driver.getCurrentUrl()).endsWith(personPage);
        assertThat(text("[role=status]")).isEqualTo("Henkilön tiedot tallennettu.");
        assertThat(text("#person-language")).isEqualTo("ruotsi");
        assertThat(text("#person-facts")).contains("Kasvuasiantuntija", "+358401112234").doesNotContain("+358401112233");
    }

    @Test
    @Order(2)
    void heMergesTheDuplicateAfterThePreview() throws Exception {
        open("/app/contacts/" + survivor);
        navigate(driver.findElement(By.id("merge-person")));
        assertThat(text("#candidates")).contains(DUPLICATE_EMAIL, "Sama: nimi");
        chromium.axe("merge candidates");

        navigate(driver.findElement(By.cssSelector("#candidates a[href$='duplicate=" + duplicate + "']")));
        assertThat(text("#survivor")).contains("Tämä henkilö säilyy", SURVIVOR_EMAIL, "Kasvuasiantuntija");
        assertThat(text("#duplicate")).contains("Yhdistetään edelliseen", DUPLICATE_EMAIL);
        // nothing is merged before the confirmation
        assertThat(contact(duplicate).get("id").asString()).isEqualTo(duplicate);

        navigate(driver.findElement(By.id("confirm-merge")));
        assertThat(driver.getCurrentUrl()).endsWith("/app/contacts/" + survivor);
        assertThat(text("[role=status]")).isEqualTo("Henkilöt yhdistetty.");
        // the duplicate's id now leads to the survivor
        assertThat(contact(duplicate).get("id").asString()).isEqualTo(survivor);

        navigate(driver.findElement(By.id("merge-person")));
        assertThat(text("#no-candidates")).isEqualTo("Samanlaisia henkilöitä ei löytynyt.");
    }

    @Test
    @Order(3)
    void heRecordsAConsentAndWithdrawsIt() throws Exception {
        open("/app/contacts/" + survivor);
        driver.findElement(By.cssSelector("#record-consent summary")).click();
        chromium.axe("person page, consent form open");
        new Select(driver.findElement(By.id("purpose"))).selectByVisibleText("Tutkimus");
        driver.findElement(By.id("textVersion")).sendKeys("tutkimus-2026");
        navigate(driver.findElement(By.cssSelector("#record-consent button[type=submit]")));
        assertThat(text("[role=status]")).isEqualTo("Suostumus kirjattu.");
        assertThat(text("#consents-table")).contains("Tutkimus", "Suostumus", "tutkimus-2026", "voimassa")
                .doesNotContain("RESEARCH", "CONSENT");
        chromium.axe("person page with a consent");

        navigate(driver.findElement(By.cssSelector("button[aria-label='Peru suostumus: Tutkimus']")));
        assertThat(text("[role=status]")).isEqualTo("Suostumus peruttu.");
        assertThat(text("#consents-table")).contains("Tutkimus").doesNotContain("voimassa");
        assertThat(driver.findElements(By.cssSelector("button[aria-label='Peru suostumus: Tutkimus']"))).isEmpty();
        JsonNode consents = contact(survivor).get("consents");
        assertThat(consents.toString()).contains("\"purpose\":\"RESEARCH\"", "\"textVersion\":\"tutkimus-2026\"");
        for (JsonNode consent : consents) {
            assertThat(consent.get("withdrawnAt").isNull()).as(consent.toString()).isFalse();
        }
    }

    @Test
    @Order(4)
    void anOrganisationShowsItsPeopleAndProjects() {
        open("/app/contacts");
        navigate(driver.findElement(By.cssSelector("#organisations tbody a")));
        assertThat(driver.getCurrentUrl()).contains("/app/organisations/");
        assertThat(text("main")).contains("Hankkeet", "Henkilöt, jotka näet");
    }

    @Test
    @Order(5)
    void onAPhoneTheEventPageFitsAndAParticipantIsCheckedInToASessionByATap() throws Exception {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        try {
            open("/app/events/" + eventId);
            assertThat(wait(ExpectedConditions.presenceOfElementLocated(By.id("registrations-table"))).getText())
                    .contains("Tiina Tapaus");
            Number pageWidth = (Number) js("return document.documentElement.scrollWidth");
            assertThat(pageWidth.intValue()).as("the event page's width on a 390 px phone").isLessThanOrEqualTo(390);
            assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(390);
            chromium.axe("event page (phone)");

            tap(driver.findElement(By.cssSelector("#sessions a[href$='session=afternoon']")));
            wait(ExpectedConditions.urlContains("session=afternoon"));
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            tap(driver.findElement(By.cssSelector("button[aria-label='Saapui: Tiina Tapaus']")));
            wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Tiina Tapaus"));
            assertThat(driver.findElements(By.cssSelector("button[aria-label='Peru merkintä: Tiina Tapaus']"))).hasSize(1);
            chromium.axe("check-in of a session (phone)");

            JsonNode registrations = Keycloak.json(Api.get(Stack.GATEWAY + "/api/events/" + eventId + "/registrations",
                    MessagingIT.integrator()).body());
            assertThat(registrations.get("items").get(0).get("attendedSessions").toString()).isEqualTo("[\"afternoon\"]");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    // --- set-up through the API, as an integrator of Helsinki

    static String enterPerson(String email, String phone) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/contacts?allowDuplicate=true", MessagingIT.integrator(), """
                    {"firstName": "Saara", "lastName": "%s", "email": "%s", "phone": %s, "organisationName": "Kasvuyritys Oy",
                     "language": "fi", "projectIds": ["%s"]}
                    """.formatted(LAST_NAME, email, phone == null ? "null" : "\"" + phone + "\"", PROJECT));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isLessThan(500); // the project's read model may not be there yet
            return false;
        });
        return id[0];
    }

    static String programme() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = Api.post(Stack.GATEWAY + "/api/events", MessagingIT.integrator(), """
                    {"projectId": "%s", "type": "GROWTH_PROGRAMME", "title": {"fi": "Kasvuohjelma %s"}, "capacity": 10,
                     "venue": "Maria 01, Helsinki",
                     "sessions": [{"id": "morning", "title": {"fi": "Aamupäivä"}, "startsAt": "2027-02-01T07:00:00Z", "endsAt": "2027-02-01T09:00:00Z"},
                                  {"id": "afternoon", "title": {"fi": "Iltapäivä"}, "startsAt": "2027-02-08T11:00:00Z", "endsAt": "2027-02-08T13:00:00Z"}],
                     "sessionsToComplete": 2}
                    """.formatted(PROJECT, RUN));
            if (created.statusCode() == 201) {
                id[0] = Keycloak.json(created.body()).get("id").asString();
                return true;
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(404); // read model not there yet
            return false;
        });
        try {
            HttpResponse<String> published = Api.post(Stack.GATEWAY + "/api/events/" + id[0] + "/publish", MessagingIT.integrator(), "");
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id[0];
    }

    static JsonNode contact(String id) throws Exception {
        HttpResponse<String> answer = Api.get(Stack.GATEWAY + "/api/contacts/" + id, MessagingIT.integrator());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Keycloak.json(answer.body());
    }

    // --- the browser

    /** A finger's tap at the element's centre: touch events through the DevTools protocol, no mouse. */
    static void tap(WebElement target) {
        js("arguments[0].scrollIntoView({block: 'center'})", target);
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) js("var r = arguments[0].getBoundingClientRect();"
                + " return [r.left + r.width / 2, r.top + r.height / 2, r.height];", target);
        assertThat(centre.get(2).doubleValue()).as("the target's height in CSS pixels").isGreaterThanOrEqualTo(43.5);
        WebElement oldPage = driver.findElement(By.tagName("html"));
        Map<String, Object> point = Map.of("x", centre.get(0), "y", centre.get(1));
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
        chrome.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
        wait(Chromium.replaced(oldPage));
        wait(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static void replace(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void navigate(WebElement target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        wait(Chromium.replaced(oldPage));
        wait(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.getPageSource()).doesNotContain("??");
    }

    static void open(String path) {
        driver.get(Stack.GATEWAY + path);
        assertThat(driver.getPageSource()).doesNotContain("??");
    }

    static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\nThe page at " + driver.getCurrentUrl()
                    + " says:\n" + (driver.findElements(By.tagName("main")).isEmpty() ? driver.getPageSource() : text("main")), e);
        }
    }
}
