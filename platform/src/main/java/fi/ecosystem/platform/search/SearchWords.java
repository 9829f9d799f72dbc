package fi.ecosystem.platform.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words a person or a project is found by, folded so that a search ignores case and diacritics ("jarvi"
 * finds Järvinen, "ostrom" Öström, "tillvaxt" Tillväxt). Stored with what is searched and indexed, so a prefix
 * search is an index range scan on MongoDB; the words of a query are folded the same way. One tokenizer for
 * every service, so that a search behaves alike everywhere.
 */
public final class SearchWords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    public static Set<String> of(String... texts) {
        Set<String> words = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                for (String word : SEPARATORS.split(fold(text))) {
                    if (!word.isBlank()) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    /** The words of a search, folded as the stored ones. */
    public static List<String> words(String query) {
        return List.copyOf(of(query));
    }

    /** Lower case without diacritics; ß and the like as NFKD gives them. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
