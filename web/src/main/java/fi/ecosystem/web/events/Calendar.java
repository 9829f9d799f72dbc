package fi.ecosystem.web.events;

import fi.ecosystem.web.support.Formats;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A month of events as weeks from Monday to Sunday, each day with the events that start on it (Helsinki time). */
public record Calendar(YearMonth month, YearMonth previous, YearMonth next, List<List<Day>> weeks) {

    public record Day(LocalDate date, boolean inMonth, boolean today, List<Map<String, Object>> events) {
    }

    static Calendar of(YearMonth month, List<Map<String, Object>> events, LocalDate today) {
        LocalDate first = month.atDay(1);
        LocalDate day = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        List<List<Day>> weeks = new ArrayList<>();
        while (!day.isAfter(month.atEndOfMonth())) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                LocalDate date = day;
                week.add(new Day(date, YearMonth.from(date).equals(month), date.equals(today),
                        events.stream().filter(event -> date.equals(startDay(event))).toList()));
            }
            weeks.add(week);
        }
        return new Calendar(month, month.minusMonths(1), month.plusMonths(1), weeks);
    }

    private static LocalDate startDay(Map<String, Object> event) {
        try {
            Object startsAt = event.get("startsAt");
            return startsAt == null ? null : Instant.parse(String.valueOf(startsAt)).atZone(Formats.HELSINKI).toLocalDate();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
