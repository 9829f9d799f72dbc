package fi.ecosystem.events.registration.web;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.platform.web.Spreadsheet;
import fi.ecosystem.platform.web.Spreadsheet.Column;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The registrations download as people read it, in the organiser's language: words for headers, statuses and
 * yes/no, the sessions by their titles and times, each question by its text and a choice by its option's text,
 * times in Helsinki. Its name, e-mail, organisation, language and question columns are named and written as the
 * CSV upload reads them.
 */
final class RegistrationExport {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final ResourceBundleMessageSource TEXTS = new ResourceBundleMessageSource();

    static {
        TEXTS.setBasename("i18n/registration-export");
        TEXTS.setDefaultEncoding("UTF-8");
        TEXTS.setFallbackToSystemLocale(false);
    }

    private final String language;
    private final Locale locale;

    private RegistrationExport(String language) {
        this.language = language == null ? "fi" : language;
        this.locale = Locale.forLanguageTag(this.language);
    }

    /** The sheet of the event's registrations in {@code language} (fi, sv or en). */
    static Spreadsheet<Registration> of(Event event, String language) {
        return new RegistrationExport(language).sheet(event);
    }

    private Spreadsheet<Registration> sheet(Event event) {
        List<Column<Registration>> columns = new ArrayList<>(List.of(
                new Column<>(text("column.status"), registration -> text("status." + registration.status().name())),
                new Column<>(text("column.firstName"), Registration::firstName),
                new Column<>(text("column.lastName"), Registration::lastName),
                new Column<>(text("column.email"), Registration::email),
                new Column<>(text("column.organisation"), Registration::organisationName),
                new Column<>(text("column.language"), registration -> registration.language() == null ? ""
                        : text("language." + registration.language())),
                new Column<>(text("column.registeredAt"), registration -> local(registration.createdAt())),
                new Column<>(text("column.registeredBy"), registration ->
                        text("self".equals(registration.registeredBy()) ? "registeredBy.self" : "registeredBy.organiser"))));
        DateTimeFormatter when = DateTimeFormatter.ofPattern(text("session.when"), locale).withZone(HELSINKI);
        List<Session> sessions = event.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            String title = session.title() != null && !session.title().in(language).isBlank() ? session.title().in(language)
                    : sessions.size() == 1 && event.title() != null ? event.title().in(language) : text("session.untitled", i + 1);
            columns.add(new Column<>(text("column.session", title, when.format(session.startsAt())),
                    registration -> yesNo(registration.attendedSessions().contains(session.id()))));
        }
        for (Question question : event.questions()) {
            Map<String, String> options = new HashMap<>();
            question.options().forEach(option -> options.put(option.id(), option.label().in(language)));
            columns.add(new Column<>(question.label().in(language),
                    registration -> answer(question, options, registration.answers().get(question.id()))));
        }
        columns.add(new Column<>(text("column.completed"),
                registration -> yesNo(event.completedBy(registration.attendedSessions()))));
        return new Spreadsheet<>(text("sheet"), columns);
    }

    private String answer(Question question, Map<String, String> options, String answer) {
        if (answer == null || answer.isBlank()) {
            return "";
        }
        return switch (question.kind()) {
            case CHOICE -> options.getOrDefault(answer, answer);
            case CONSENT -> yesNo("true".equals(answer));
            case TEXT -> answer;
        };
    }

    private String yesNo(boolean yes) {
        return text(yes ? "yes" : "no");
    }

    /** Wall-clock time in Helsinki: a date cell in Excel, {@code yyyy-MM-dd HH:mm} in CSV. */
    private static LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, HELSINKI);
    }

    private String text(String key, Object... args) {
        return TEXTS.getMessage(key, args.length == 0 ? null : args, locale);
    }
}
