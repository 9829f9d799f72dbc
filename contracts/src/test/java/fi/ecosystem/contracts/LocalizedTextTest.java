package fi.ecosystem.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void givesTheRequestedLanguage() {
        LocalizedText name = LocalizedText.of("Kasvun ekosysteemit", "Tillväxtekosystem", "Growth Ecosystems");

        assertThat(name.in("sv")).isEqualTo("Tillväxtekosystem");
        assertThat(name.in("en")).isEqualTo("Growth Ecosystems");
    }

    @Test
    void fallsBackToFinnishThenToAnyTextWhenATranslationIsMissing() {
        assertThat(LocalizedText.of("Helsinki Ring of Industry", null, " ").in("en")).isEqualTo("Helsinki Ring of Industry");
        assertThat(LocalizedText.of(null, "Utvecklingscentrum", null).in("fi")).isEqualTo("Utvecklingscentrum");
        assertThat(LocalizedText.of(null, null, null).in("fi")).isEmpty();
    }

    @Test
    void deadLetterTopicsAreNamedAfterTheirTopic() {
        assertThat(Topics.deadLetter(Topics.REGISTRATIONS)).isEqualTo("registrations.dlt");
        assertThat(Topics.ALL).containsExactly("projects", "contacts", "organisations", "events", "registrations");
    }
}
