package fi.ecosystem.web.events;

import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.web.support.Formats;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A month of events as weeks from Monday to Sunday, each day with the events that start on it (Helsinki time). */
public record Calendar(YearMonth month, YearMonth previous, YearMonth next, List<List<Day>> weeks) {

    public record Day(LocalDate date, boolean inMonth, boolean today, List<EventResponse> events) {
    }

    static Calendar of(YearMonth month, List<EventResponse> events, LocalDate today) {
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

    private static LocalDate startDay(EventResponse event) {
        return event.startsAt() == null ? null : event.startsAt().atZone(Formats.HELSINKI).toLocalDate();
    }
}
