package fi.ecosystem.web.projects;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail in the page's language: projects-service records what was done as a short phrase
 * ("indicator growth reported for 2024-H1"); each phrase it writes has a text here, with its parameters.
 */
@Component("auditTexts")
public class AuditTexts {

    private record Phrase(Pattern pattern, String key) {
    }

    private static final List<Phrase> PHRASES = List.of(
            new Phrase(Pattern.compile("planned"), "audit.planned"),
            new Phrase(Pattern.compile("edited"), "audit.edited"),
            new Phrase(Pattern.compile("status changed"), "audit.statusChanged"),
            new Phrase(Pattern.compile("continued"), "audit.continued"),
            new Phrase(Pattern.compile("work package (\\d+) saved"), "audit.workPackageSaved"),
            new Phrase(Pattern.compile("work package (\\d+) removed"), "audit.workPackageRemoved"),
            new Phrase(Pattern.compile("indicator (\\S+) defined"), "audit.indicatorDefined"),
            new Phrase(Pattern.compile("indicator (\\S+) reported for (\\S+)"), "audit.indicatorReported"));

    private final MessageSource messages;

    AuditTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String action(Object action) {
        String phrase = action == null ? "" : String.valueOf(action);
        for (Phrase known : PHRASES) {
            Matcher match = known.pattern().matcher(phrase);
            if (match.matches()) {
                Object[] parameters = new Object[match.groupCount()];
                for (int i = 0; i < parameters.length; i++) {
                    parameters[i] = match.group(i + 1);
                }
                return messages.getMessage(known.key(), parameters, phrase, LocaleContextHolder.getLocale());
            }
        }
        return phrase;
    }

    /** A changed field's name ({@code funding} → "Rahoitus"). */
    public String field(Object field) {
        String name = field == null ? "" : String.valueOf(field);
        return messages.getMessage("auditField." + name, null, name, LocaleContextHolder.getLocale());
    }

    /** A shown value in the page's language where it is a code (a status). */
    public String value(Object field, Object value) {
        if (value == null) {
            return "–";
        }
        if ("status".equals(field)) {
            return messages.getMessage("projectStatus." + value, null, String.valueOf(value), LocaleContextHolder.getLocale());
        }
        return String.valueOf(value);
    }

    /** A value worth showing as text (a status, a date, a number); lists and objects are named by their field only. */
    public boolean shown(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
