package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page the platform serves passes axe-core (WCAG 2.1 A and AA) with no violation, in a real Chromium through
 * the gateway: every Thymeleaf template of the web UI — the test lists them from the templates folder, and each page
 * names the template that made it, so a new template that no visit reaches fails this test — and the gateway's own
 * pages: the sign-in page and its error pages for 403 (a form without its CSRF token), 404 and 429 (a spent public
 * write budget); the 503 page (the web UI killed) is checked by {@link ServiceFailureIT}, which runs alone. Violations
 * of all pages are gathered and fail the test together.
 */
@ExtendWith(Stack.class)
class AccessibilityIT {

    static final Path TEMPLATES = Path.of(System.getProperty("ecosystem.root", "..")).resolve("web/src/main/resources/templates");
    static final Set<String> GATEWAY_PAGES = Set.of("sign-in", "403", "404", "429");

    private final Set<String> templatesSeen = new TreeSet<>();
    private final Set<String> gatewayPagesSeen = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    @Test
    void everyTemplateAndEveryPageOfTheGatewayHasNoWcagViolation() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String lastName = "Saavutettava" + GdprIT.letters(run);
        String email = "saavutettava." + run + "@example.org";
        String integrator = MessagingIT.integrator();
        String event = MessagingIT.eventIn(MessagingIT.PROJECT, 20);
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", integrator, "").statusCode()).isEqualTo(200);

        FeedbackIT.Surveyed surveyed = FeedbackIT.endedEventWithSurvey(run);

        // the public, from a fresh browser: landing, sign-in, events, registration, its private page, a missing page
        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            page(chromium, "/", "landing page");
            page(chromium, "/sign-in", "gateway sign-in page");
            gatewayPage(chromium, "sign-in");
            page(chromium, "/events", "public event list");
            page(chromium, "/events/" + event, "public event page");
            driver.findElement(By.id("firstName")).sendKeys("Saara");
            driver.findElement(By.id("lastName")).sendKeys(lastName);
            driver.findElement(By.id("email")).sendKeys(email);
            submit(driver, driver.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(driver.getCurrentUrl()).contains("/events/" + event + "/received");
            check(chromium, "registration received");
            String[] token = new String[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<tools.jackson.databind.JsonNode> mails = EventsIT.mailsTo(email);
                token[0] = mails.isEmpty() ? null : EventsIT.privateTokenIn(mails.get(0));
                return token[0] != null;
            });
            page(chromium, "/events/registrations/" + token[0], "private registration page");
            page(chromium, "/events/registrations/" + token[0] + "/cancel", "cancel confirmation");
            page(chromium, "/events/no-such-event-" + run, "public page not found");
            page(chromium, "/events/certificates/NOSUCHCODE" + run, "certificate check, unknown code");
            // the survey after an event: the form, its thanks, the used link and an unknown one
            page(chromium, "/events/feedback/" + surveyed.token() + "?lang=sv", "survey after an event");
            driver.findElement(By.cssSelector("label[for=score-8]")).click();
            driver.findElement(By.id("feedback-text")).sendKeys("Bra talare");
            submit(driver, driver.findElement(By.cssSelector("main form button[type=submit]")));
            check(chromium, "survey answered");
            page(chromium, "/events/feedback/" + surveyed.token(), "survey answered already");
            page(chromium, "/events/feedback/NOSUCHTOKEN" + run, "survey, unknown link");
        }

        // a project manager: her home and every page of projects, and the gateway's 403 and 404
        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            chromium.signIn("helsinki", "aino.virtanen", "demo");
            page(chromium, "/app", "staff home");
            page(chromium, "/app/projects", "project list");
            String project = "/app/projects/kasvun-ekosysteemit";
            page(chromium, project, "project page");
            String report = driver.findElements(By.cssSelector("main a[href$='/report']")).stream()
                    .map(link -> link.getAttribute("href")).findFirst().orElseThrow(() -> new AssertionError("no indicator to report"));
            page(chromium, "/app/projects/new", "new project form");
            page(chromium, project + "/edit", "project form");
            page(chromium, project + "/work-packages/new", "new work package");
            page(chromium, project + "/indicators/new", "new indicator");
            page(chromium, report.replace(Stack.GATEWAY, ""), "report an indicator value");
            page(chromium, project + "/audit", "audit trail");
            page(chromium, project + "/reporting", "reporting periods");
            String behind = driver.findElements(By.cssSelector("main a.figure-link")).stream()
                    .map(link -> link.getAttribute("href")).findFirst().orElseThrow(() -> new AssertionError("no figure links to its list"));
            page(chromium, behind.replace(Stack.GATEWAY, ""), "the list behind a figure");
            page(chromium, "/app/projects/no-such-project-" + run, "staff page not found");
            page(chromium, "/app/events/" + surveyed.event() + "/feedback", "an event's feedback");
            page(chromium, "/app/projects/" + MessagingIT.PROJECT + "/feedback", "a project's feedback");

            page(chromium, "/no-such-address-" + run, "gateway: no route");
            gatewayPage(chromium, "404");
            // a form sent without its CSRF token, as a forged one would be
            ((JavascriptExecutor) driver).executeScript("var form = document.createElement('form'); form.method = 'post';"
                    + " form.action = '/app/projects/new'; document.body.appendChild(form); form.submit();");
            waitForNewPage(driver, "/app/projects/new");
            check(chromium, "gateway: form without its CSRF token");
            gatewayPage(chromium, "403");
        }

        // an organiser: every page of events
        try (Chromium chromium = new Chromium()) {
            chromium.signIn("helsinki", "eero.lahtinen", "demo");
            page(chromium, "/app/events", "event list");
            page(chromium, "/app/events?view=calendar", "event calendar");
            page(chromium, "/app/events/new", "new event form");
            page(chromium, "/app/events/" + event, "event page with registrations");
            page(chromium, "/app/events/" + event + "/edit", "edit event form");
            page(chromium, "/app/events/" + event + "/registrations/new", "register a participant");
            page(chromium, "/app/events/" + event + "/import", "bulk import form");
            page(chromium, "/app/events/" + event + "/check-in", "check-in");
        }

        // an administrator: contacts, a person, the erasure's confirmation
        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            chromium.signIn("helsinki", "ville.nieminen", "demo");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                driver.get(Stack.GATEWAY + "/app/contacts?q=" + lastName);
                return !driver.findElements(By.partialLinkText(lastName)).isEmpty();
            });
            check(chromium, "contact search");
            String person = driver.findElement(By.partialLinkText(lastName)).getAttribute("href").replace(Stack.GATEWAY, "");
            page(chromium, person, "person page");
            page(chromium, person + "/edit", "person form");
            page(chromium, person + "/merge", "merge preview");
            page(chromium, person + "/erase", "erasure confirmation");
            page(chromium, "/app/privacy-notices", "privacy notices");
            page(chromium, "/app/contacts", "contact list with organisations");
            String organisation = driver.findElements(By.cssSelector("#organisations tbody a")).stream()
                    .map(link -> link.getAttribute("href").replace(Stack.GATEWAY, "")).findFirst()
                    .orElseThrow(() -> new AssertionError("no organisation on the contact list"));
            page(chromium, organisation, "organisation page");
        }

        // a spent public write budget: the form of a visitor whose address has sent too much answers 429
        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            java.util.Random random = new java.util.Random();
            String address = "198.19." + (1 + random.nextInt(250)) + "." + (1 + random.nextInt(250));
            ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
            ((ChromeDriver) driver).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
            page(chromium, "/events/" + event, "public event page (from the limited address)");
            spendPublicWrites(event, address);
            driver.findElement(By.id("firstName")).sendKeys("Liisa");
            driver.findElement(By.id("lastName")).sendKeys("Liikaa");
            driver.findElement(By.id("email")).sendKeys("liikaa." + run + "@example.org");
            submit(driver, driver.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(driver.getCurrentUrl()).doesNotContain("/received");
            check(chromium, "gateway: too many public writes");
            gatewayPage(chromium, "429");
        }

        Path report = Path.of(System.getProperty("ecosystem.root", "..")).resolve("e2e-tests/target/axe-all-templates.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", checked) + "\n");
        System.out.println("axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa), every template and gateway page:\n  "
                + String.join("\n  ", checked));

        assertEveryTemplateVisited(templatesSeen);
        assertThat(gatewayPagesSeen).containsExactlyInAnyOrderElementsOf(GATEWAY_PAGES);
        assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
    }

    /** A template on disk that no visit reached (a new page nobody added a visit for) fails the test. */
    static void assertEveryTemplateVisited(Set<String> seen) throws Exception {
        assertThat(seen).as("the templates a visit reached: every page template in " + TEMPLATES + " needs one")
                .containsExactlyInAnyOrderElementsOf(pageTemplates());
    }

    /** The page templates (fragments are parts of pages, checked on them), as Thymeleaf names them. */
    static Set<String> pageTemplates() throws Exception {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html"))
                    .map(file -> TEMPLATES.relativize(file).toString().replace('\\', '/').replaceAll("\\.html$", ""))
                    .filter(name -> !name.startsWith("fragments/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private void page(Chromium chromium, String path, String name) {
        chromium.driver.get(Stack.GATEWAY + path);
        check(chromium, name);
    }

    /** axe on the page as it is; a violation is gathered, and the template that made the page noted. */
    private void check(Chromium chromium, String name) {
        new WebDriverWait(chromium.driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String template = chromium.driver.findElements(By.cssSelector("meta[name=template]")).stream()
                .map(meta -> meta.getAttribute("content")).findFirst().orElse(null);
        if (template != null) {
            templatesSeen.add(template);
        }
        try {
            chromium.axe(name);
        } catch (AssertionError violation) {
            violations.add(violation.getMessage());
        }
        List<String> lines = chromium.checked();
        checked.add(lines.get(lines.size() - 1) + (template == null ? "  (gateway)" : "  template " + template));
    }

    /** A page the gateway made itself: no template of the web UI named it. */
    private void gatewayPage(Chromium chromium, String which) {
        assertThat(chromium.driver.findElements(By.cssSelector("meta[name=template]"))).as(which + " is the gateway's own page").isEmpty();
        assertThat(chromium.driver.findElement(By.tagName("h1")).getText()).as(which).isNotBlank();
        gatewayPagesSeen.add(which);
    }

    /** Public writes from the address until the gateway refuses them (its budget: 30 per 10 minutes by default). */
    static void spendPublicWrites(String event, String address) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int sent = 0; sent < 500; sent++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/public/events/" + event + "/registrations"))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                return;
            }
            assertThat(answer.statusCode()).as(answer.body()).isIn(400, 422);
        }
        throw new AssertionError("The gateway never limited the public writes of " + address);
    }

    static void submit(WebDriver driver, WebElement button) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(Chromium.replaced(oldPage));
    }

    private static void waitForNewPage(WebDriver driver, String path) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith(path)
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
