package fi.ecosystem.web.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** What forms send: a LocalizedText as the services take it, and typed text without its blanks. */
public final class Texts {

    private Texts() {
    }

    /** {fi, sv, en}; a language left empty is null, so the service falls back to another one. */
    public static Map<String, String> localized(String fi, String sv, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("fi", trimmed(fi));
        texts.put("sv", trimmed(sv));
        texts.put("en", trimmed(en));
        return texts;
    }

    public static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    /** The text without surrounding blanks; null when nothing was typed. */
    public static String trimmed(String value) {
        return filled(value) ? value.trim() : null;
    }
}
