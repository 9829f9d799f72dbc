package fi.ecosystem.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} with its {@code chromium-driver}), with axe-core
 * checking every page it is asked to against WCAG 2.1 A and AA, and screenshots for the docs.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final WebDriver driver;
    private final List<String> checked = new ArrayList<>();

    /**
     * The page this element belongs to was replaced by another (a link followed, a form sent). As
     * {@link ExpectedConditions#stalenessOf}, and also when Chromium answers that the node "does not belong to the
     * document" (an unknown error, not a stale element, when it is asked in the middle of the swap).
     */
    static ExpectedCondition<Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException swapping) {
                if (String.valueOf(swapping.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw swapping;
            }
        };
    }

    Chromium() {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("The browser tests need Chromium: apt-get install -y chromium chromium-driver"
                    + " (./run-tests.sh installs them); looked for " + BINARY + " and " + DRIVER);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=fi-FI", "--accept-lang=fi-FI,fi", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Runs axe-core on the page as it is now: no violation of WCAG 2.1 level A or AA may be there. */
    Results axe(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        checked.add(String.format("%-34s %s  %d violations, %d passes", page, driver.getCurrentUrl().replace(Stack.GATEWAY, ""),
                violations.size(), results.getPasses().size()));
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder("axe-core found WCAG 2.1 A/AA violations on " + page + " ("
                    + driver.getCurrentUrl() + "):");
            for (Rule rule : violations) {
                report.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp());
                rule.getNodes().forEach(node -> report.append("\n    ").append(node.getTarget()).append(" ")
                        .append(node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ')));
            }
            throw new AssertionError(report.toString());
        }
        return results;
    }

    /** Runs axe-core on a page that is not the UI's own (Keycloak's login): recorded for the report, not failed. */
    void axeReportOnly(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        checked.add(String.format("%-34s %s  %d violations (not ours: %s)", page, driver.getCurrentUrl().replaceAll("\\?.*", ""),
                results.getViolations().size(), results.getViolations().stream().map(Rule::getId).toList()));
    }

    /** Signs in through the gateway for the city: the gateway's sign-in redirect, then Keycloak's login pages. */
    void signIn(String city, String username, String password) {
        driver.get(Stack.GATEWAY + "/oauth2/authorization/keycloak?city=" + city);
        signInAtKeycloak(username, password);
    }

    /**
     * Keycloak's identity-first login, from its first page on: the username page, then the password page (or both on
     * one), until the browser is back at the gateway. Each click waits for the page it leaves to go, so a slow first
     * answer never has the form sent twice (a second callback finds its authorization request spent, and the gateway
     * sends the browser back to {@code /sign-in?failed}).
     */
    void signInAtKeycloak(String username, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        for (int step = 0; step < 3 && !driver.getCurrentUrl().startsWith(Stack.GATEWAY); step++) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
            for (WebElement field : driver.findElements(By.id("username"))) {
                if (field.isDisplayed() && field.isEnabled()) {
                    field.clear();
                    field.sendKeys(username);
                }
            }
            for (WebElement field : driver.findElements(By.id("password"))) {
                if (field.isDisplayed()) {
                    field.sendKeys(password);
                }
            }
            WebElement page = driver.findElement(By.tagName("html"));
            driver.findElement(By.id("kc-login")).click();
            wait.until(replaced(page));
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        }
        String landed = driver.getCurrentUrl();
        if (!landed.startsWith(Stack.GATEWAY) || landed.contains("/sign-in?failed")) {
            String error = driver.findElements(By.cssSelector("#input-error, .kc-feedback-text, .alert-error")).stream()
                    .map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("Sign-in of " + username + " did not come back to the gateway: " + landed + " " + error);
        }
    }

    /** A screenshot of the whole page for the README (docs/screenshots/NAME.png). */
    void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("ecosystem.root", "..")).resolve("docs/screenshots");
        Files.createDirectories(folder);
        Dimension window = driver.manage().window().getSize();
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Math.min(document.documentElement.scrollHeight, 2400)");
        driver.manage().window().setSize(new Dimension(window.getWidth(), ((Number) height).intValue() + 100));
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(window);
    }

    /** Which pages axe checked, one line each: the figures for the report. */
    List<String> checked() {
        return List.copyOf(checked);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
