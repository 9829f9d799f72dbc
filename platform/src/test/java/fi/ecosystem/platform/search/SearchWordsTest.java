package fi.ecosystem.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreFoldedSoThatCaseAndDiacriticsDoNotMatter() {
        assertThat(SearchWords.of("Järvinen-Öström", "Åsa")).containsExactlyInAnyOrder("jarvinen", "ostrom", "asa");
        assertThat(SearchWords.words("JÄRV  öst")).containsExactly("jarv", "ost");
        assertThat(SearchWords.words(null)).isEmpty();
    }

    @Test
    void projectNamesInEveryLanguageAreFoundWithoutTheirAccents() {
        assertThat(SearchWords.of("HRI", "Kasvun ekosysteemit", "Tillväxtekosystem", "Growth Ecosystems"))
                .containsExactly("ecosystems", "ekosysteemit", "growth", "hri", "kasvun", "tillvaxtekosystem");
        assertThat(SearchWords.words("  Kasvun  EKO ")).containsExactly("eko", "kasvun");
    }
}
