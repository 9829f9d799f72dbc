package fi.ecosystem.contracts;

/**
 * A text in Finland's official languages and English. Finnish is the fallback because every
 * source document has it; Swedish-speaking towns (Kristinestad) fill {@code sv} first.
 */
public record LocalizedText(String fi, String sv, String en) {

    public static LocalizedText of(String fi, String sv, String en) {
        return new LocalizedText(fi, sv, en);
    }

    /** The text in the given language ({@code fi}, {@code sv} or {@code en}), falling back to any non-blank one. */
    public String in(String language) {
        String preferred = switch (language == null ? "fi" : language) {
            case "sv" -> sv;
            case "en" -> en;
            default -> fi;
        };
        if (notBlank(preferred)) {
            return preferred;
        }
        for (String candidate : new String[] {fi, en, sv}) {
            if (notBlank(candidate)) {
                return candidate;
            }
        }
        return "";
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
