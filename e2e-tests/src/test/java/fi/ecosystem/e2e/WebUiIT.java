package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real Chromium through the gateway on the whole stack: an organiser of Helsinki signs in
 * with the city's SSO, creates and publishes an event; the public registers on the public page until the
 * waiting list starts, cancels through the private link and the next person gets the place; the organiser
 * checks someone in on a phone-sized screen. axe-core checks (WCAG 2.1 AA) the page states that only this journey
 * reaches: forms with their errors, a draft event, the Swedish full event and waiting list, the page after a
 * cancellation, check-in on a phone, the import's report, other languages, the contacts after an erasure. Every
 * template as such is checked by {@link AccessibilityIT}; checking it here again cost the suite's CPU, not coverage.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final LocalDate DAY = LocalDate.now(HELSINKI).plusDays(20);
    static final String TITLE = "Kasvupaja " + RUN;

    static Chromium chromium;
    static WebDriver driver;
    static String eventId;
    static String firstLink;
    static String thirdLink;
    static String personPage;

    @BeforeAll
    static void openBrowser() {
        chromium = new Chromium();
        driver = chromium.driver;
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (chromium != null) {
            Path report = Path.of(System.getProperty("ecosystem.root", "..")).resolve("e2e-tests/target/axe-pages.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, String.join("\n", chromium.checked()) + "\n");
            System.out.println("axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on the page states only this journey reaches:\n"
                    + chromium.checked().stream().map(line -> "  " + line).collect(Collectors.joining("\n")));
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void anOrganiserSignsInWithHerCitysSsoAndSeesHerHome() throws Exception {
        open("/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fi");
        chromium.screenshot("landing");

        navigate(driver.findElement(By.linkText("Henkilöstön kirjautuminen")));
        wait(ExpectedConditions.urlContains("/sign-in"));
        chromium.screenshot("sign-in");
        driver.get(Stack.GATEWAY + "/oauth2/authorization/keycloak?city=helsinki");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        chromium.axeReportOnly("Keycloak login page");
        chromium.signInAtKeycloak("eero.lahtinen", "demo");
        open("/app");
        assertThat(text("main")).contains("Hei,", "Helsinki", "Tapahtumien järjestäjä", "Kaupunkisi hankkeet", "Kasvun ekosysteemit");
        chromium.screenshot("staff-home");
    }

    @Test
    @Order(2)
    void theEventFormKeepsWhatWasTypedAndSaysWhatIsWrongThenCreatesTheEvent() throws Exception {
        open("/app/events/new");
        new Select(driver.findElement(By.id("projectId"))).selectByValue("kasvun-ekosysteemit");
        new Select(driver.findElement(By.id("type"))).selectByValue("WORKSHOP");
        driver.findElement(By.id("titleSv")).sendKeys("Tillväxtverkstad " + RUN);
        driver.findElement(By.id("capacity")).sendKeys("2");
        setValue("startsAt", DAY + "T12:00");
        setValue("endsAt", DAY + "T09:00");
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));

        assertThat(driver.findElement(By.id("titleFi-error")).getText()).isEqualTo("Täytä tämä kenttä.");
        assertThat(driver.findElement(By.id("endsAt-error")).getText()).contains("alkamisajan jälkeen");
        assertThat(driver.findElement(By.id("titleSv")).getAttribute("value")).isEqualTo("Tillväxtverkstad " + RUN);
        assertThat(driver.findElement(By.id("titleFi")).getAttribute("aria-invalid")).isEqualTo("true");
        chromium.axe("new event form with errors");
        chromium.screenshot("event-form-errors");

        driver.findElement(By.id("titleFi")).sendKeys(TITLE);
        driver.findElement(By.id("titleEn")).sendKeys("Growth workshop " + RUN);
        driver.findElement(By.id("venue")).sendKeys("Maria 01, Helsinki");
        new Select(driver.findElement(By.id("questions-0-kind"))).selectByValue("CONSENT");
        driver.findElement(By.id("questions-0-labelFi")).sendKeys("Hyväksyn tietojeni käsittelyn");
        driver.findElement(By.id("questions-0-labelSv")).sendKeys("Jag godkänner behandlingen av mina uppgifter");
        driver.findElement(By.id("questions-0-required")).click();
        driver.findElement(By.id("questions-0-policyUrl")).sendKeys("https://example.org/tietosuoja");
        driver.findElement(By.id("questions-0-policyVersion")).sendKeys("1");
        new Select(driver.findElement(By.id("questions-0-consentPurpose"))).selectByValue("EVENT_COMMUNICATION");
        new Select(driver.findElement(By.id("questions-1-kind"))).selectByValue("CHOICE");
        driver.findElement(By.id("questions-1-labelFi")).sendKeys("Ruokavalio");
        driver.findElement(By.id("questions-1-options")).sendKeys("Kaikki käy | Allt går bra | Anything\nKasvis | Vegetarisk | Vegetarian");
        setValue("startsAt", DAY + "T09:00");
        setValue("endsAt", DAY + "T12:00");
        assertThat(driver.findElement(By.id("titleFi")).getAttribute("value")).isEqualTo(TITLE);
        assertThat(driver.findElement(By.id("endsAt")).getAttribute("value")).isEqualTo(DAY + "T12:00");
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));

        wait(ExpectedConditions.urlMatches(".*/app/events/[^/]+\\?created$"));
        eventId = driver.getCurrentUrl().replaceAll(".*/app/events/([^/?]+).*", "$1");
        assertThat(text("#event-status")).isEqualTo("Luonnos");
        assertThat(text("main")).contains(TITLE, DAY.getDayOfMonth() + "." + DAY.getMonthValue() + "." + DAY.getYear() + " 9.00–12.00",
                "Maria 01, Helsinki");
        chromium.axe("event page (draft)");

        navigate(driver.findElement(By.id("publish")));
        wait(ExpectedConditions.textToBe(By.cssSelector("#event-status"), "Julkaistu"));
    }

    @Test
    @Order(3)
    void thePublicRegistersUntilTheWaitingListStarts() throws Exception {
        driver.manage().deleteAllCookies();
        open("/events");
        assertThat(text("main")).contains(TITLE);
        chromium.screenshot("public-events");
        driver.findElement(By.linkText(TITLE)).click();
        wait(ExpectedConditions.urlContains("/events/" + eventId));
        chromium.screenshot("public-event");

        driver.findElement(By.id("firstName")).sendKeys("Eeva");
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("Täytä tämä kenttä.");
        assertThat(driver.findElements(By.cssSelector("[id^=answer-][id$=-error]"))).isNotEmpty();
        assertThat(driver.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Eeva");
        chromium.axe("public registration with errors");
        chromium.screenshot("public-registration-errors");

        firstLink = register("Eeva", "Ensimmäinen", "eeva." + RUN + "@example.org");
        assertThat(text("#registration-status")).isEqualTo("Vahvistettu");
        chromium.screenshot("private-registration");
        register("Aino", "Toinen", "aino." + RUN + "@example.org");

        open("/events/" + eventId + "?lang=sv");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(text("main")).contains("Tillväxtverkstad " + RUN, "Ställ dig på väntelistan");
        chromium.axe("public event page in Swedish (full)");
        thirdLink = register("Anna", "Tredje", "anna." + RUN + "@example.org");
        assertThat(text("#registration-status")).isEqualTo("På väntelistan");
        assertThat(text("#waiting-list-position")).isEqualTo("1");
        chromium.axe("private page on the waiting list (sv)");
        chromium.screenshot("private-registration-waitlisted");
        open("/events?lang=fi");
    }

    @Test
    @Order(4)
    void aCancellationThroughThePrivateLinkGivesThePlaceToTheFirstOneWaiting() throws Exception {
        driver.get(firstLink);
        navigate(driver.findElement(By.linkText("Peru ilmoittautuminen")));
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));
        wait(ExpectedConditions.textToBe(By.id("registration-status"), "Peruttu"));
        assertThat(text("[role=status]")).contains("Ilmoittautumisesi on peruttu.");
        chromium.axe("private page after cancelling");

        driver.get(thirdLink);
        assertThat(text("#registration-status")).isEqualTo("Vahvistettu");
    }

    @Test
    @Order(5)
    void theOrganiserSeesTheRegistrationsAndChecksSomeoneInOnAPhone() throws Exception {
        chromium.signIn("helsinki", "eero.lahtinen", "demo");
        open("/app/events/" + eventId);
        String table = text("#registrations-table");
        assertThat(table).contains("eeva." + RUN + "@example.org", "Peruttu", "aino." + RUN + "@example.org", "anna." + RUN + "@example.org");
        assertThat(text("#registration-counts")).contains("Vahvistettu: 2", "Jonossa: 0", "Peruttu: 1");
        chromium.screenshot("event-registrations");

        HttpResponse<String> csv = withSession("/app/events/" + eventId + "/registrations.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("anna." + RUN + "@example.org");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/app/events/" + eventId + "/check-in");
        navigate(driver.findElement(By.cssSelector("button[aria-label='Saapui: Aino Toinen']")));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Aino Toinen"));
        assertThat(driver.findElements(By.cssSelector("button[aria-label='Peru merkintä: Aino Toinen']"))).hasSize(1);
        chromium.axe("check-in after marking");
        chromium.screenshot("check-in-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        open("/app/events/" + eventId);
        assertThat(text("#registrations-table")).contains("Osallistui");
    }

    @Test
    @Order(6)
    void aBulkUploadPassesTheGatewaysCsrfCheckAndReportsEachRow() throws Exception {
        open("/app/events/" + eventId);
        assertThat(text("#questions")).as("questions by their text, no column codes").doesNotContain("answer:");
        // the import page names each question's column by its text; the consent question is the first
        open("/app/events/" + eventId + "/import");
        String consentColumn = driver.findElements(By.cssSelector("#question-columns code")).get(0).getText();
        assertThat(consentColumn).isNotBlank().doesNotContain("answer:");
        Path csv = Files.createTempFile("registrations", ".csv");
        Files.writeString(csv, "email;firstName;lastName;organisation;language;" + consentColumn + "\n"
                + "import." + RUN + "@example.org;Iida;Tuotu;Yritys Oy;fi;kyllä\n"
                + "not-an-address;Virhe;Rivi;;fi;kyllä\n");
        driver.findElement(By.id("file")).sendKeys(csv.toString());
        navigate(driver.findElements(By.cssSelector("main form button[type=submit]")).get(0));
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-title, #form-errors")));
        // the page itself, not the gateway's 403 page (the page source holds random tokens that may contain "403")
        assertThat(driver.findElements(By.cssSelector("meta[name=template]")).stream().map(meta -> meta.getAttribute("content")))
                .as("the import report, not the gateway's refusal").containsExactly("app/events/import");
        assertThat(text("#import-rows")).contains("Ilmoitettu", "Jonossa", "Hylätty", "email");
        chromium.axe("bulk import result");
        chromium.screenshot("bulk-import");
    }

    @Test
    @Order(7)
    void theCalendarProjectsAndContactsPagesWorkInEveryLanguage() throws Exception {
        open("/app/events?view=calendar&month=" + DAY.toString().substring(0, 7));
        assertThat(text(".calendar")).contains(TITLE);
        chromium.screenshot("event-calendar");
        open("/app/events");

        open("/app/projects?status=ENDED");
        assertThat(text("#projects")).contains("Kasvun ekosysteemit");
        chromium.screenshot("projects");
        open("/app/projects/kasvun-ekosysteemit");
        assertThat(text("main")).contains("Työpaketit ja tuotokset", "Mittarit", TITLE);
        chromium.screenshot("project");
        open("/app/projects/kasvun-ekosysteemit?lang=en");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("main")).contains("Work packages and deliverables");
        chromium.axe("project page in English");
        open("/app/projects/kasvun-ekosysteemit/edit?lang=sv");
        assertThat(text("h1")).isEqualTo("Redigera projektet");
        chromium.axe("project form in Swedish");
        open("/app?lang=fi");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            open("/app/contacts?q=Tredje");
            return driver.getPageSource().contains("anna." + RUN + "@example.org");
        });
        chromium.screenshot("contacts");
        navigate(driver.findElements(By.partialLinkText("Tredje")).get(0));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("participations")));
        personPage = driver.getCurrentUrl().replace(Stack.GATEWAY, "");
        chromium.screenshot("person");
        // the export for the person holds what every city supplied: the admin's, not staff work
        HttpResponse<String> export = withSession(personPage + "/export");
        assertThat(export.statusCode()).isNotEqualTo(200);
        assertThat(export.body()).doesNotContain("anna." + RUN + "@example.org");
        open("/app/events/" + eventId + "/edit");
    }

    @Test
    @Order(8)
    void aCityAdministratorErasesThePersonAfterConfirming() throws Exception {
        open("/app");
        navigate(driver.findElement(By.cssSelector("header form.signout button")));
        wait(ExpectedConditions.urlToBe(Stack.GATEWAY + "/"));
        chromium.signIn("helsinki", "ville.nieminen", "demo");
        HttpResponse<String> export = withSession(personPage + "/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("anna." + RUN + "@example.org");
        open(personPage);
        navigate(driver.findElement(By.linkText("Poista henkilön tiedot")));
        chromium.screenshot("erasure-confirmation");
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Henkilön tiedot poistettiin."));
        chromium.axe("contacts after erasure");
        open(personPage);
        assertThat(driver.getPageSource()).doesNotContain("anna." + RUN + "@example.org");
    }

    // --- helpers

    /**
     * Clicks something that loads another page (a link, a form's button) and waits until the new page has
     * replaced the old one: a click returns before the browser has navigated.
     */
    static void navigate(WebElement target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        wait(Chromium.replaced(oldPage));
        wait(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static void open(String path) {
        driver.get(Stack.GATEWAY + path);
        assertThat(driver.getPageSource()).doesNotContain("??");
    }

    static String register(String firstName, String lastName, String email) throws IOException {
        open("/events/" + eventId);
        driver.findElement(By.id("firstName")).sendKeys(firstName);
        driver.findElement(By.id("lastName")).sendKeys(lastName);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("organisationName")).sendKeys("Esimerkki Oy");
        for (WebElement consent : driver.findElements(By.cssSelector("main input[type=checkbox][name^=answers]"))) {
            consent.click();
        }
        for (WebElement choice : driver.findElements(By.cssSelector("main input[type=radio][name^=answers]"))) {
            choice.click();
        }
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));
        // the page says only "check your e-mail", whoever the address belongs to; the private link is in the mail
        wait(ExpectedConditions.urlContains("/events/" + eventId + "/received"));
        assertThat(text("main")).doesNotContain(firstName, email);
        if (!receivedPageShot) {
            chromium.screenshot("registration-received");
            receivedPageShot = true;
        }
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            java.util.List<tools.jackson.databind.JsonNode> mails = EventsIT.mailsTo(email);
            if (mails.isEmpty()) {
                return false;
            }
            link[0] = Stack.GATEWAY + "/events/registrations/" + EventsIT.privateTokenIn(mails.get(0));
            return true;
        });
        driver.get(link[0]);
        return link[0];
    }

    /** The "check your e-mail" page is photographed at the first registration only. */
    static boolean receivedPageShot;

    /** datetime-local inputs take their value in ISO form whatever the browser's language. */
    static void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = driver.findElements(By.tagName("main")).isEmpty() ? driver.getPageSource() : text("main");
            throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\nThe page at " + driver.getCurrentUrl()
                    + " says:\n" + page, e);
        }
    }

    /** A download with the browser's session, as the browser would fetch it. */
    static HttpResponse<String> withSession(String path) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
