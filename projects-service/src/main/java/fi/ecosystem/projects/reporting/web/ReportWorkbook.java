package fi.ecosystem.projects.reporting.web;

import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.reporting.Correction;
import fi.ecosystem.projects.reporting.Counting;
import fi.ecosystem.projects.reporting.EventFact;
import fi.ecosystem.projects.reporting.Figure;
import fi.ecosystem.projects.reporting.ReportingService.Pack;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The report pack's workbook: the indicator table (target, baseline, period and cumulative value), and the lists
 * behind the figures — the same lists the drill-down API gives — so that every number can be checked in it.
 */
final class ReportWorkbook {

    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

    private final ReportTexts texts;
    private final Workbook workbook;

    private ReportWorkbook(ReportTexts texts, OutputStream out) {
        this.texts = texts;
        this.workbook = new Workbook(out, "ecosystem", "1.0");
    }

    static void write(Pack pack, String language, OutputStream out) throws IOException {
        ReportWorkbook book = new ReportWorkbook(new ReportTexts(language), out);
        book.indicators(pack);
        book.events(pack);
        book.attendance(pack);
        book.companies(pack);
        book.people(pack, Figure.PARTICIPANTS_REACHED, "sheet.participants", "column.firstAttendedOn");
        book.people(pack, Figure.GROWTH_PROGRAMME_COMPLETIONS, "sheet.completions", "column.completedOn");
        book.reported(pack);
        book.corrections(pack);
        book.workbook.finish();
    }

    private void indicators(Pack pack) {
        List<List<Object>> rows = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            ProjectParts.Indicator defined = definedFor(pack, figure);
            Long locked = pack.report().lockedFigures() == null ? null : pack.report().lockedFigures().period(figure);
            rows.add(java.util.Arrays.asList(text("figure." + figure), text("unit.figure"),
                    defined == null ? null : defined.target(), defined == null ? null : defined.baseline(),
                    pack.report().figures().period(figure), pack.report().figures().cumulative(figure), locked,
                    text("source.evidence")));
        }
        String label = pack.report().period().label();
        for (ProjectParts.Indicator indicator : pack.project().indicators()) {
            if (indicator.feed() != ProjectParts.IndicatorFeed.REPORTED) {
                continue;
            }
            Long value = indicator.history().stream().filter(entry -> entry.period().equals(label))
                    .map(ProjectParts.IndicatorValue::value).findFirst().orElse(null);
            rows.add(java.util.Arrays.asList(indicator.name().in(texts.language()), indicator.unit(), indicator.target(),
                    indicator.baseline(), value, value, null, text("source.reported")));
        }
        sheet("sheet.indicators", List.of("column.indicator", "column.unit", "column.target", "column.baseline",
                "column.periodValue", "column.cumulativeValue", "column.lockedValue", "column.source"), rows);
    }

    private void events(Pack pack) {
        List<List<Object>> rows = new ArrayList<>();
        for (Counting.Counted counted : pack.behind().get(Figure.EVENTS_HELD)) {
            EventFact event = pack.events().get(counted.eventId());
            rows.add(java.util.Arrays.asList(counted.eventId(), event == null || event.title() == null ? counted.label()
                    : event.title().in(texts.language()), event == null ? null : event.eventType(), counted.countsOn(),
                    event == null ? null : event.organisingCity(), yesNo(late(pack, counted))));
        }
        sheet("sheet.events", List.of("column.eventId", "column.event", "column.type", "column.heldOn", "column.city",
                "column.afterLock"), rows);
    }

    private void attendance(Pack pack) {
        List<List<Object>> rows = new ArrayList<>();
        for (Counting.SessionAttendance session : pack.attendance()) {
            rows.add(java.util.Arrays.asList(session.eventId(), session.eventTitle(), session.sessionId(), session.heldOn(),
                    session.people()));
        }
        sheet("sheet.attendance", List.of("column.eventId", "column.event", "column.session", "column.heldOn",
                "column.people"), rows);
    }

    private void companies(Pack pack) {
        List<List<Object>> rows = new ArrayList<>();
        for (Counting.Counted company : pack.behind().get(Figure.ENTERPRISES_SUPPORTED)) {
            rows.add(java.util.Arrays.asList(company.businessId(), company.label(), company.countsOn(),
                    company.attendances(), yesNo(late(pack, company))));
        }
        sheet("sheet.companies", List.of("column.businessId", "column.organisation", "column.firstAttendedOn",
                "column.attendances", "column.afterLock"), rows);
    }

    private void people(Pack pack, Figure figure, String sheet, String dayColumn) {
        List<List<Object>> rows = new ArrayList<>();
        for (Counting.Counted person : pack.behind().get(figure)) {
            rows.add(java.util.Arrays.asList(person.label(), person.eventId(), person.businessId(), person.countsOn(),
                    person.attendances(), yesNo(late(pack, person))));
        }
        sheet(sheet, List.of("column.participant", "column.eventId", "column.businessId", dayColumn, "column.attendances",
                "column.afterLock"), rows);
    }

    private void reported(Pack pack) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProjectParts.Indicator indicator : pack.project().indicators()) {
            for (ProjectParts.IndicatorValue value : indicator.history()) {
                rows.add(java.util.Arrays.asList(indicator.name().in(texts.language()), value.period(), value.value(),
                        value.reportedBy(), local(value.reportedAt())));
            }
        }
        sheet("sheet.reported", List.of("column.indicator", "column.period", "column.value", "column.reportedBy",
                "column.reportedAt"), rows);
    }

    private void corrections(Pack pack) {
        List<List<Object>> rows = new ArrayList<>();
        for (Correction correction : pack.report().corrections()) {
            rows.add(java.util.Arrays.asList(text("figure." + correction.figure()), correction.periodDelta(),
                    correction.cumulativeDelta(), text("reason." + correction.reason()), local(correction.recordedAt()),
                    correction.note() == null ? "" : correction.note(),
                    correction.recordedBy() == null ? "" : correction.recordedBy()));
        }
        sheet("sheet.corrections", List.of("column.figure", "column.periodDelta", "column.cumulativeDelta",
                "column.reason", "column.recordedAt", "column.note", "column.recordedBy"), rows);
    }

    private void sheet(String name, List<String> headers, List<List<Object>> rows) {
        Worksheet sheet = workbook.newWorksheet(text(name));
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, text(headers.get(c)));
            sheet.style(0, c).bold().set();
            sheet.width(c, 22);
        }
        sheet.freezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (value instanceof LocalDate day) {
                    sheet.value(r + 1, c, day);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (value instanceof LocalDateTime time) {
                    sheet.value(r + 1, c, time);
                    sheet.style(r + 1, c).format("yyyy-mm-dd hh:mm").set();
                } else if (value != null) {
                    sheet.value(r + 1, c, value.toString());
                }
            }
        }
    }

    /** The project's own indicator a figure feeds, for its target and baseline. */
    private static ProjectParts.Indicator definedFor(Pack pack, Figure figure) {
        ProjectParts.IndicatorFeed feed = switch (figure) {
            case EVENTS_HELD -> ProjectParts.IndicatorFeed.EVENTS_HELD;
            case PARTICIPANTS_REACHED -> ProjectParts.IndicatorFeed.PARTICIPANTS_REACHED;
            default -> null;
        };
        return feed == null ? null : pack.project().indicators().stream().filter(indicator -> indicator.feed() == feed)
                .findFirst().orElse(null);
    }

    static boolean late(Pack pack, Counting.Counted counted) {
        Instant lockedAt = pack.report().period().lockedAt();
        return lockedAt != null && counted.recordedAt() != null && counted.recordedAt().isAfter(lockedAt);
    }

    private String yesNo(boolean value) {
        return text(value ? "yes" : "no");
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, FINLAND);
    }

    private String text(String key) {
        return texts.text(key);
    }
}
