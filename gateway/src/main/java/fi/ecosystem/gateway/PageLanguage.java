package fi.ecosystem.gateway;

import java.util.Locale;
import java.util.Set;

/** The language of the gateway's own pages: the one asked for if it is fi, sv or en, else Accept-Language, else Finnish. */
public final class PageLanguage {

    static final Set<String> SUPPORTED = Set.of("fi", "sv", "en");

    private PageLanguage() {
    }

    public static String of(String requested, String acceptLanguage) {
        if (requested != null && SUPPORTED.contains(requested)) {
            return requested;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage == null ? "fi" : acceptLanguage)) {
                String candidate = range.getRange().substring(0, Math.min(2, range.getRange().length()));
                if (SUPPORTED.contains(candidate)) {
                    return candidate;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // fall back to Finnish
        }
        return "fi";
    }
}
