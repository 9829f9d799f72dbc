package fi.ecosystem.projects.reporting.web;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The report pack's words in fi, sv or en ({@code i18n/report-pack*.properties}). */
final class ReportTexts {

    private static final ResourceBundleMessageSource TEXTS = new ResourceBundleMessageSource();

    static {
        TEXTS.setBasename("i18n/report-pack");
        TEXTS.setDefaultEncoding("UTF-8");
        TEXTS.setFallbackToSystemLocale(false);
    }

    private final Locale locale;
    private final String language;

    ReportTexts(String language) {
        this.language = language == null ? "fi" : language;
        this.locale = Locale.forLanguageTag(this.language);
    }

    String language() {
        return language;
    }

    String text(String key) {
        return TEXTS.getMessage(key, null, key, locale);
    }
}
