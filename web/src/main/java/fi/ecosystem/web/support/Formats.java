package fi.ecosystem.web.support;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times, numbers and the content's own translations the Finnish way, for templates as
 * {@code @fmt}: times in Europe/Helsinki, dates as d.M.yyyy, thousands separated by a space in Finnish
 * and Swedish.
 */
@Component("fmt")
public class Formats {

    private final MessageSource messages;

    @Autowired
    Formats(MessageSource messages) {
        this.messages = messages;
    }

    /** Outside Spring (tests, helpers that format without a context): the same bundle, read directly. */
    public Formats() {
        this(bundle());
    }

    private static MessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language.equals("sv") || language.equals("en") ? language : "fi";
    }

    /** A LocalizedText ({fi, sv, en}) in the page's language, falling back to any language that has it. */
    public String text(Object localized) {
        if (localized instanceof fi.ecosystem.contracts.LocalizedText text) {
            Map<String, String> texts = new java.util.HashMap<>();
            texts.put("fi", text.fi());
            texts.put("sv", text.sv());
            texts.put("en", text.en());
            localized = texts;
        }
        if (!(localized instanceof Map<?, ?> texts)) {
            return localized == null ? "" : String.valueOf(localized);
        }
        for (String language : new String[] {language(), "fi", "sv", "en"}) {
            Object text = texts.get(language);
            if (text != null && !String.valueOf(text).isBlank()) {
                return String.valueOf(text);
            }
        }
        return "";
    }

    /** A long text's paragraphs (blank lines or line breaks separate them). */
    public List<String> paragraphs(Object localized) {
        return Arrays.stream(text(localized).split("\\R+")).map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    /** d.M.yyyy of an instant (in Helsinki) or of a date. */
    public String date(Object value) {
        ZonedDateTime time = zoned(value);
        if (time != null) {
            return DATE.format(time);
        }
        LocalDate day = day(value);
        return day == null ? "" : DATE.format(day);
    }

    /** d.M.yyyy H.mm in Helsinki ("klo" is left to the template's words). */
    public String dateTime(Object value) {
        ZonedDateTime time = zoned(value);
        return time == null ? date(value) : DATE.format(time) + " " + TIME.format(time);
    }

    public String time(Object value) {
        ZonedDateTime time = zoned(value);
        return time == null ? "" : TIME.format(time);
    }

    /** From–to of two instants, the date once when both fall on the same day. */
    public String period(Object from, Object to) {
        ZonedDateTime start = zoned(from);
        ZonedDateTime end = zoned(to);
        if (start == null) {
            return "";
        }
        if (end == null) {
            return dateTime(from);
        }
        return start.toLocalDate().equals(end.toLocalDate())
                ? DATE.format(start) + " " + TIME.format(start) + "–" + TIME.format(end)
                : dateTime(from) + " – " + dateTime(to);
    }

    /**
     * From–to of two instants in Helsinki time as the page's language writes it, for the public pages (the mails
     * write the same): "1.6.2027 klo 9.00–10.30", "1.6.2027 kl. 9.00–10.30", "1 June 2027 at 9:00–10:30". The
     * patterns are texts of the bundle ({@code format.day}, {@code format.clock}, {@code format.time}).
     */
    public String when(Object from, Object to) {
        ZonedDateTime start = zoned(from);
        if (start == null) {
            return "";
        }
        Locale locale = locale();
        DateTimeFormatter day = DateTimeFormatter.ofPattern(messages.getMessage("format.day", null, locale), locale);
        DateTimeFormatter clock = DateTimeFormatter.ofPattern(messages.getMessage("format.clock", null, locale), locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(messages.getMessage("format.time", null, locale), locale);
        ZonedDateTime end = zoned(to);
        String starts = day.format(start) + " " + clock.format(start);
        if (end == null) {
            return starts;
        }
        return start.toLocalDate().equals(end.toLocalDate()) ? starts + "–" + time.format(end)
                : starts + " – " + day.format(end) + " " + clock.format(end);
    }

    /** The value of a datetime-local input for an instant. */
    public String input(Object value) {
        ZonedDateTime time = zoned(value);
        return time == null ? "" : INPUT.format(time);
    }

    /** The ISO value of a date input for a date. */
    public String isoDate(Object value) {
        LocalDate day = day(value);
        return day == null ? "" : day.toString();
    }

    /** "marraskuu 2026" */
    public String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale()) + " " + month.getYear();
    }

    /** Monday to Sunday, short names. */
    public List<String> weekdays() {
        return Arrays.stream(DayOfWeek.values()).map(day -> day.getDisplayName(TextStyle.SHORT_STANDALONE, locale())).toList();
    }

    public String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, locale());
    }

    /**
     * The text key for a field error's code that a service sent (see {@link ServiceProblem#messageKey}); empty
     * when it sent none, so the page shows the service's own message.
     */
    public String fieldErrorKey(Object code) {
        return code instanceof String given && !given.isBlank() ? ServiceProblem.messageKey(given) : "";
    }

    public String number(Object value) {
        if (!(value instanceof Number number)) {
            return value == null ? "" : String.valueOf(value);
        }
        return NumberFormat.getIntegerInstance(locale()).format(number.longValue());
    }

    public String euros(Object value) {
        return value instanceof Number ? number(value) + " €" : "";
    }

    public String percent(Object actual, Object target) {
        if (!(actual instanceof Number a) || !(target instanceof Number t) || t.longValue() <= 0) {
            return "";
        }
        return Math.round(100.0 * a.longValue() / t.longValue()) + " %";
    }

    /** A datetime-local value (Helsinki time) as an instant; null when blank or unreadable. */
    public static Instant instant(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(input.trim()).atZone(HELSINKI).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static ZonedDateTime zoned(Object value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = value instanceof Instant given ? given : Instant.parse(String.valueOf(value));
            return instant.atZone(HELSINKI);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    static LocalDate day(Object value) {
        if (value instanceof LocalDate given) {
            return given;
        }
        try {
            return value == null ? null : LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Locale locale() {
        return Locale.forLanguageTag(language());
    }
}
