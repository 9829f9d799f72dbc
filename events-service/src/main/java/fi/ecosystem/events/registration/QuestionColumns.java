package fi.ecosystem.events.registration;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.Question;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which question a column of an organiser's CSV upload answers, and the answer as stored. A column is named by the
 * question's text in Finnish, Swedish or English — as the registrations download names it — or, as before, by the
 * question's id ({@code answer:<id>}). A choice may be answered by its option's text, a consent by yes or no in
 * any of the three languages: what the download writes is what an upload may say.
 */
final class QuestionColumns {

    private static final Set<String> YES = Set.of("true", "yes", "kyllä", "ja", "x");
    private static final Set<String> NO = Set.of("false", "no", "ei", "nej");

    private QuestionColumns() {
    }

    /**
     * The answers of one row by question id. A column that names no question keeps its name, so the event's check
     * of the answers reports it ({@code no-such-question}); an answer that is no option or yes/no stays as typed, for
     * the same check to report.
     */
    static Map<String, String> answers(Event event, Map<String, String> byColumn) {
        Map<String, String> answers = new LinkedHashMap<>();
        byColumn.forEach((column, value) -> {
            Optional<Question> question = questionOf(event, column);
            if (question.isEmpty()) {
                answers.put(column, value);
            } else {
                answers.put(question.get().id(), stored(question.get(), value));
            }
        });
        return answers;
    }

    private static Optional<Question> questionOf(Event event, String column) {
        String name = folded(column);
        return event.questions().stream().filter(question -> folded(question.id()).equals(name)).findFirst()
                .or(() -> event.questions().stream().filter(question -> names(question.label()).anyMatch(name::equals)).findFirst());
    }

    private static String stored(Question question, String value) {
        String answer = folded(value);
        return switch (question.kind()) {
            case CHOICE -> question.options().stream()
                    .filter(option -> folded(option.id()).equals(answer) || names(option.label()).anyMatch(answer::equals))
                    .map(Question.Choice::id).findFirst().orElse(value);
            case CONSENT -> YES.contains(answer) ? "true" : NO.contains(answer) ? "false" : value;
            case TEXT -> value;
        };
    }

    private static Stream<String> names(LocalizedText text) {
        return text == null ? Stream.empty()
                : Stream.of(text.fi(), text.sv(), text.en()).filter(name -> name != null && !name.isBlank()).map(QuestionColumns::folded);
    }

    /** Case and runs of spaces do not matter: a spreadsheet program or a person may change either. */
    private static String folded(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
