package fi.ecosystem.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTest {

    final Formats fmt = new Formats();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void datesAreHelsinkiTimeInFinnishOrderWhateverTheLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.date("2026-12-31T22:30:00Z")).isEqualTo("1.1.2027");
        assertThat(fmt.dateTime("2027-06-01T06:05:00Z")).isEqualTo("1.6.2027 9.05");
        assertThat(fmt.period("2027-06-01T06:00:00Z", "2027-06-01T09:00:00Z")).isEqualTo("1.6.2027 9.00–12.00");
        assertThat(fmt.date("2018-08-01")).isEqualTo("1.8.2018");
        assertThat(Formats.instant("2027-06-01T09:00")).hasToString("2027-06-01T06:00:00Z");
        assertThat(Formats.instant("2027-01-15T09:00")).hasToString("2027-01-15T07:00:00Z");
    }

    @Test
    void thePublicPagesTimesAreHelsinkiTimeAsEachLanguageWritesIt() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("fi"));
        assertThat(fmt.when("2027-06-01T06:00:00Z", "2027-06-01T07:30:00Z")).isEqualTo("1.6.2027 klo 9.00–10.30");
        assertThat(fmt.when("2027-01-15T07:00:00Z", "2027-01-16T14:00:00Z")).isEqualTo("15.1.2027 klo 9.00 – 16.1.2027 klo 16.00");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
        assertThat(fmt.when("2027-06-01T06:00:00Z", "2027-06-01T07:30:00Z")).isEqualTo("1.6.2027 kl. 9.00–10.30");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.when("2027-06-01T06:00:00Z", "2027-06-01T07:30:00Z")).isEqualTo("1 June 2027 at 9:00–10:30");
        assertThat(fmt.when("2027-06-01T06:00:00Z", null)).isEqualTo("1 June 2027 at 9:00");
        assertThat(fmt.when(null, null)).isEmpty();
    }

    @Test
    void numbersHaveASpaceBetweenThousandsInFinnishAndSwedish() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("fi"));
        assertThat(fmt.number(185000L)).isEqualTo("185\u00a0000");
        assertThat(fmt.euros(4400000)).isEqualTo("4\u00a0400\u00a0000 €");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
        assertThat(fmt.number(185000L)).isEqualTo("185\u00a0000");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.number(185000L)).isEqualTo("185,000");
    }

    @Test
    void theContentsOwnTranslationFallsBackToAnotherLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
        assertThat(fmt.text(Map.of("fi", "Kasvupaja", "sv", "Tillväxtverkstad"))).isEqualTo("Tillväxtverkstad");
        assertThat(fmt.text(Map.of("fi", "Kasvupaja", "sv", " "))).isEqualTo("Kasvupaja");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.text(Map.of("sv", "Endast svenska"))).isEqualTo("Endast svenska");
    }
}
