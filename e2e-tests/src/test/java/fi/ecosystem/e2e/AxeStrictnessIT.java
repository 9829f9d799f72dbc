package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check the browser tests rely on fails when it should: axe-core in Chromium ({@link Chromium#axe}) throws on a
 * page with a WCAG violation and passes a clean one; {@link AccessibilityIT} knows every page template. Needs
 * Chromium, not the stack.
 */
class AxeStrictnessIT {

    @TempDir
    Path folder;

    @Test
    void axeFailsAPageWithAViolationAndPassesACleanOne() throws Exception {
        Path clean = folder.resolve("clean.html");
        Files.writeString(clean, """
                <!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Puhdas</title></head>
                <body><main><h1>Puhdas sivu</h1><label for="name">Nimi</label><input id="name"></main></body></html>""");
        Path broken = folder.resolve("broken.html");
        Files.writeString(broken, """
                <!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Rikki</title></head>
                <body><main><h1>Rikkinäinen sivu</h1><input id="name"><p style="color:#bbb;background:#fff">Haalea</p></main></body></html>""");
        try (Chromium chromium = new Chromium()) {
            chromium.driver.get(clean.toUri().toString());
            assertThat(chromium.axe("clean page").getViolations()).isEmpty();
            chromium.driver.get(broken.toUri().toString());
            assertThatThrownBy(() -> chromium.axe("broken page")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("label").hasMessageContaining("color-contrast");
        }
    }

    @Test
    void theTemplatesToVisitAreEveryPageTemplateOfTheWebUi() throws Exception {
        Set<String> templates = AccessibilityIT.pageTemplates();
        assertThat(templates).contains("index", "error/page", "events/received", "app/events/participant", "app/contacts/erase")
                .noneMatch(name -> name.startsWith("fragments/"));
        try (var files = Files.walk(AccessibilityIT.TEMPLATES)) {
            assertThat(templates).hasSize((int) files.filter(file -> file.toString().endsWith(".html")
                    && !file.toString().contains("fragments")).count());
        }
        // a run that reached every template passes; one that missed a template (a new page without a visit) fails
        AccessibilityIT.assertEveryTemplateVisited(templates);
        Set<String> missingOne = new java.util.TreeSet<>(templates);
        missingOne.remove("app/events/participant");
        assertThatThrownBy(() -> AccessibilityIT.assertEveryTemplateVisited(missingOne)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("app/events/participant");
    }
}
