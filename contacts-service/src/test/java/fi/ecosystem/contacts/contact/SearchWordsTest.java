package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreFoldedSoThatCaseAndDiacriticsDoNotMatter() {
        assertThat(SearchWords.of("Järvinen-Öström", "Åsa")).containsExactlyInAnyOrder("jarvinen", "ostrom", "asa");
        assertThat(SearchWords.words("JÄRV  öst")).containsExactly("jarv", "ost");
        assertThat(SearchWords.words(null)).isEmpty();
    }
}
