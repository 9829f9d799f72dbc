package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer's browser: every test opens a new Chromium with a fresh profile (no cookie, no page seen
 * before) and goes straight to a deep link, as a visitor arriving from a newsletter or a colleague's
 * e-mail does. The first form such a browser sends must work.
 */
@ExtendWith(Stack.class)
class FirstVisitIT {

    @Test
    void aVisitorArrivingFromALinkRegistersWithTheFirstClick() throws Exception {
        String event = MessagingIT.eventIn(MessagingIT.PROJECT, 50);
        String integrator = MessagingIT.integrator();
        assertThat(Api.post(Stack.GATEWAY + "/api/events/" + event + "/publish", integrator, "").statusCode()).isEqualTo(200);
        String email = "linkki." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            assertThat(driver.manage().getCookies()).isEmpty();
            driver.get(Stack.GATEWAY + "/events/" + event);
            assertThat(driver.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value"))
                    .as("the form's CSRF field on the first visit").isNotBlank();
            driver.findElement(By.id("firstName")).sendKeys("Linda");
            driver.findElement(By.id("lastName")).sendKeys("Linkki");
            driver.findElement(By.id("email")).sendKeys(email);
            submit(driver, driver.findElement(By.cssSelector("main form button[type=submit]")));

            String page = driver.findElement(By.tagName("body")).getText();
            assertThat(page).doesNotContain("Access Denied", "Lomake vanhentui", "Ei oikeutta");
            assertThat(driver.getCurrentUrl()).doesNotEndWith("/register");
            chromium.axe("after the first registration from a link");
        }
        // the registration is really there, seen as the organiser's integrator sees it
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.get(Stack.GATEWAY + "/api/events/" + event + "/registrations", integrator).body().contains(email));
    }

    @Test
    void aStaffMemberOpeningADeepLinkSignsInLandsThereAndHerFirstFormWorks() throws Exception {
        try (Chromium chromium = new Chromium()) {
            WebDriver driver = chromium.driver;
            driver.get(Stack.GATEWAY + "/app/projects/" + MessagingIT.PROJECT);
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign-in"));
            chromium.signIn("helsinki", "aino.virtanen", "demo");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/app/projects/" + MessagingIT.PROJECT));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(driver.findElement(By.cssSelector("form.signout input[name=_csrf]")).getAttribute("value")).isNotBlank();

            // the first form this browser sends: signing out
            submit(driver, driver.findElement(By.cssSelector("form.signout button[type=submit]")));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(Stack.GATEWAY + "/"));
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Access Denied", "Ei oikeutta", "Lomake vanhentui");
            driver.get(Stack.GATEWAY + "/app");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign-in"));
        }
    }

    static void submit(WebDriver driver, WebElement button) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(Chromium.replaced(oldPage));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
