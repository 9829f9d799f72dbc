package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A project manager of Helsinki does her project work in a real Chromium through the gateway, from a fresh
 * browser and a direct link: saves the demo project unchanged, plans a project choosing cities by name, adds
 * a partner and a funding source with an amount, a work package with a deliverable, an indicator and its value
 * for a period (seen in the chart and the history), changes the status, reads the audit trail, and downloads
 * the project list as CSV and Excel with her session. axe-core checks the page states that only this journey
 * reaches (a service's error on the form, a report with an error, the project with her work package and value);
 * every template as such is checked by {@link AccessibilityIT}.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectManagerIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String NAME = "Kiertotalouden kasvupolku " + RUN;
    static final String DEMO = "/app/projects/kasvun-ekosysteemit";

    static Chromium chromium;
    static WebDriver driver;
    static String projectPage;

    @BeforeAll
    static void openBrowser() {
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
    void fromADirectLinkSheSignsInAndSavesTheDemoProjectUnchanged() {
        driver.get(Stack.GATEWAY + DEMO);
        wait(ExpectedConditions.urlContains("/sign-in"));
        chromium.signIn("helsinki", "aino.virtanen", "demo");
        wait(ExpectedConditions.urlContains(DEMO));
        assertThat(text("#lead-city")).isEqualTo("Helsinki");
        assertThat(text("#participating-cities")).contains("Helsinki", "Espoo", "Vantaa").doesNotContain("helsinki");
        assertThat(text("main")).contains("8 / tavoite 8 kpl", "500 henkilöä").doesNotContain(" pcs", " persons");

        navigate(driver.findElement(By.linkText("Muokkaa hanketta")));
        assertThat(new Select(driver.findElement(By.id("leadCity"))).getFirstSelectedOption().getText()).isEqualTo("Helsinki");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(driver.getCurrentUrl()).endsWith(DEMO);
        assertThat(text("[role=status]")).isEqualTo("Hanke tallennettu.");
        assertThat(driver.getPageSource()).doesNotContain("The request has invalid fields");
    }

    @Test
    @Order(2)
    void shePlansAProjectWithCitiesChosenByNameAndAddsAPartnerAndFunding() {
        open("/app/projects/new");
        driver.findElement(By.id("acronym")).sendKeys("KKP-" + RUN);
        driver.findElement(By.id("nameFi")).sendKeys(NAME);
        setValue("startDate", "2026-01-01");
        setValue("endDate", "2027-12-31");
        checkCity("Espoo");
        driver.findElement(By.id("totalBudgetEur")).sendKeys("900000");
        driver.findElement(By.xpath("//label[normalize-space()='Urbaani cleantech']")).click();
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(driver.getCurrentUrl()).contains("/app/projects/").doesNotEndWith("/new");
        projectPage = driver.getCurrentUrl().replace(Stack.GATEWAY, "").replaceAll("[?#].*", "");
        assertThat(text("h1")).contains(NAME);
        assertThat(text("#participating-cities")).isEqualTo("Espoo, Helsinki");
        assertThat(text("#project-status")).isEqualTo("Suunniteltu");

        navigate(driver.findElement(By.linkText("Muokkaa hanketta")));
        // a partner row without its role: the service's answer is shown next to that field, in Finnish
        driver.findElement(By.id("partners-0-organisation")).sendKeys("Kiertoaamu Oy");
        driver.findElement(By.id("funding-0-funder")).sendKeys("Euroopan aluekehitysrahasto");
        driver.findElement(By.id("funding-0-amountEur")).sendKeys("450000");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(text("#partners-0-role-error")).isEqualTo("Täytä tämä kenttä.");
        assertThat(driver.findElement(By.id("partners-0-organisation")).getAttribute("value")).isEqualTo("Kiertoaamu Oy");
        chromium.axe("project form with a service's error");

        new Select(driver.findElement(By.id("partners-0-role"))).selectByVisibleText("Osatoteuttaja");
        new Select(driver.findElement(By.id("partners-0-city"))).selectByVisibleText("Espoo");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(driver.getCurrentUrl()).endsWith(projectPage);
        assertThat(text("#partners")).contains("Kiertoaamu Oy", "Osatoteuttaja", "Espoo");
        assertThat(text("#funding")).contains("Euroopan aluekehitysrahasto", "450 000 €");
    }

    @Test
    @Order(3)
    void sheAddsAWorkPackageWithADeliverable() {
        open(projectPage);
        navigate(driver.findElement(By.linkText("Uusi työpaketti")));
        driver.findElement(By.id("titleFi")).sendKeys("Yritysten kiertotalouspilotit");
        driver.findElement(By.id("responsiblePartner")).sendKeys("Kiertoaamu Oy");
        driver.findElement(By.id("deliverables-0-title")).sendKeys("Pilottiraportti");
        setValue("deliverables-0-dueDate", "2026-09-30");
        new Select(driver.findElement(By.id("deliverables-0-status"))).selectByVisibleText("työn alla");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(text("#wp-1")).contains("WP1: Yritysten kiertotalouspilotit", "Pilottiraportti", "(30.9.2026)", "työn alla",
                "Vastuutaho: Kiertoaamu Oy");
        chromium.axe("project page with a work package");
    }

    @Test
    @Order(4)
    void sheDefinesAnIndicatorReportsAValueForAPeriodAndSeesItInTheChartAndTheHistory() {
        open(projectPage);
        navigate(driver.findElement(By.linkText("Uusi mittari")));
        driver.findElement(By.id("code")).sendKeys("pilots");
        driver.findElement(By.id("nameFi")).sendKeys("Kiertotalouspilotit");
        driver.findElement(By.id("unit")).sendKeys("pcs");
        driver.findElement(By.id("target")).sendKeys("10");
        new Select(driver.findElement(By.id("feed"))).selectByVisibleText("Raportoidaan käsin");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(text("#indicator-pilots")).contains("Toteuma 0 / tavoite 10 kpl");

        navigate(driver.findElement(By.cssSelector("#indicator-pilots a[aria-label='Raportoi arvo: Kiertotalouspilotit']")));
        driver.findElement(By.id("period")).sendKeys("2026-7");
        driver.findElement(By.id("value")).sendKeys("4");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));
        assertThat(text("#period-error")).isEqualTo("Anna kausi muodossa 2025, 2025-H1, 2025-Q3 tai 2025-05.");
        chromium.axe("report form with an error");
        driver.findElement(By.id("period")).clear();
        driver.findElement(By.id("period")).sendKeys("2026-H1");
        navigate(driver.findElement(By.cssSelector("main form.stacked button[type=submit]")));

        WebElement indicator = driver.findElement(By.id("indicator-pilots"));
        assertThat(indicator.getText()).contains("Toteuma 4 / tavoite 10 kpl (40 %)");
        // the history chart: a point per reported period, labelled with its period and value
        List<String> chartTexts = indicator.findElements(By.cssSelector("svg text")).stream()
                .map(element -> element.getAttribute("textContent")).toList();
        assertThat(chartTexts).contains("2026-H1", "4");
        driver.findElement(By.cssSelector("#indicator-pilots details summary")).click();
        assertThat(indicator.findElement(By.cssSelector("table.history")).getText()).contains("2026-H1", "4", "Aino Virtanen");
        chromium.axe("project page with a reported value");
    }

    @Test
    @Order(5)
    void sheStartsTheProjectAndReadsTheAuditTrail() {
        open(projectPage);
        new Select(driver.findElement(By.id("new-status"))).selectByVisibleText("Käynnissä");
        navigate(driver.findElement(By.cssSelector("#project-status-change button[type=submit]")));
        assertThat(text("#project-status")).isEqualTo("Käynnissä");
        assertThat(text("[role=status]")).isEqualTo("Hankkeen tila vaihdettu.");

        navigate(driver.findElement(By.linkText("Muutoshistoria")));
        String trail = text("#audit");
        assertThat(trail).contains("Hanke suunniteltu", "Tietoja muokattu", "Työpaketti 1 tallennettu", "Mittari pilots määritelty",
                "Mittarin pilots arvo raportoitu kaudelle 2026-H1", "Tila vaihdettu", "Suunniteltu → Käynnissä", "Aino Virtanen",
                "Kumppanit", "Rahoitus");
        assertThat(text("#audit-count")).isEqualTo("6 muutosta");
    }

    @Test
    @Order(6)
    void sheDownloadsTheProjectListAsCsvAndExcelWithHerSession() throws Exception {
        open("/app/projects?q=" + RUN);
        assertThat(text("#projects")).contains(NAME, "Helsinki").doesNotContain("helsinki");
        String csvLink = driver.findElement(By.linkText("Lataa CSV")).getAttribute("href");
        String xlsxLink = driver.findElement(By.linkText("Lataa Excel")).getAttribute("href");
        assertThat(csvLink).contains("/api/projects/export.csv?", "q=" + RUN);

        HttpResponse<byte[]> csv = withSession(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines.get(0).split(";"));
        List<String> row = List.of(lines.get(1).split(";"));
        // made for people: Finnish headers, the status and the cities in words
        assertThat(row.get(header.indexOf("Nimi"))).isEqualTo(NAME);
        assertThat(row.get(header.indexOf("Lyhenne"))).isEqualTo("KKP-" + RUN);
        assertThat(row.get(header.indexOf("Budjetti (€)"))).isEqualTo("900000");
        assertThat(row.get(header.indexOf("Rahoittajat"))).isEqualTo("Euroopan aluekehitysrahasto");

        HttpResponse<byte[]> xlsx = withSession(xlsxLink);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            DataFormatter format = new DataFormatter();
            for (Row sheetRow : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : sheetRow) {
                    cells.add(format.formatCellValue(cell));
                }
                rows.add(cells);
            }
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).get(rows.get(0).indexOf("Nimi"))).isEqualTo(NAME);
            assertThat(rows.get(1).get(rows.get(0).indexOf("Tila"))).isEqualTo("Käynnissä");
            assertThat(rows.get(1).get(rows.get(0).indexOf("Osallistujakaupungit"))).isEqualTo("Espoo, Helsinki");
        }
    }

    @Test
    @Order(7)
    void herHomeShowsHerCityByNameAndTheProjectsIndicators() {
        open("/app");
        assertThat(text("#city")).isEqualTo("Helsinki");
        // the home shows one page of the city's projects, and other tests of the run add Helsinki projects: so the
        // cities by name are checked on whatever projects the page shows (units in Finnish: the project page's test)
        assertThat(text("#projects")).contains("Helsinki").doesNotContain("helsinki");
        assertThat(text("main")).doesNotContain("pcs");
    }

    // --- helpers

    static void checkCity(String name) {
        WebElement label = driver.findElement(By.xpath("//fieldset[@id='participatingCities']//label[normalize-space()='" + name + "']"));
        WebElement box = driver.findElement(By.id(label.getAttribute("for")));
        if (!box.isSelected()) {
            label.click();
        }
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
            throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\nThe page at " + driver.getCurrentUrl()
                    + " says:\n" + (driver.findElements(By.tagName("main")).isEmpty() ? driver.getPageSource() : text("main")), e);
        }
    }

    /** The download as the browser fetches it: the link's address with the browser's cookies (its session). */
    static HttpResponse<byte[]> withSession(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
