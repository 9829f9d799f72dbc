package fi.ecosystem.web.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** What forms send: typed text without its blanks, the enum a select chose, a date field's date. */
public final class Texts {

    private Texts() {
    }

    /** The value of an enum a select sent; null when nothing (or a value the enum does not have) was chosen. */
    public static <E extends Enum<E>> E valueOf(Class<E> type, String value) {
        if (!filled(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The date a date field holds (yyyy-MM-dd); null when empty. A date the calendar does not have (2025-02-30) is
     * refused as the service would refuse it, so the form shows it next to its field.
     */
    public static LocalDate date(String field, String value) {
        if (!filled(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException unreadable) {
            throw new ServiceProblem(400, "validation", "Not a date: " + value, Map.of(field, "must be a date"),
                    Map.of(field, "Pattern"));
        }
    }

    public static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    /** The text without surrounding blanks; null when nothing was typed. */
    public static String trimmed(String value) {
        return filled(value) ? value.trim() : null;
    }
}
