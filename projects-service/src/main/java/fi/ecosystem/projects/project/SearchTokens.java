package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words a project is found by: lower-case words of its acronym and names in every language. Stored
 * with the project and indexed, so a prefix search ("kasv") is an index range scan, on the embedded store
 * and on MongoDB alike (no text-index features needed).
 */
public final class SearchTokens {

    private SearchTokens() {
    }

    static Set<String> of(String acronym, LocalizedText name) {
        Set<String> tokens = new TreeSet<>();
        add(tokens, acronym);
        if (name != null) {
            add(tokens, name.fi());
            add(tokens, name.sv());
            add(tokens, name.en());
        }
        return tokens;
    }

    /** The words of a search as the tokens are stored. */
    public static java.util.List<String> words(String query) {
        Set<String> words = new TreeSet<>();
        add(words, query);
        return java.util.List.copyOf(words);
    }

    private static void add(Set<String> tokens, String text) {
        if (text == null) {
            return;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (String word : normalised.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isBlank()) {
                tokens.add(word);
            }
        }
    }
}
