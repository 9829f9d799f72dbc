package fi.ecosystem.projects.reporting;

import java.util.EnumMap;
import java.util.Map;

/** Every figure for one period: its value within the period, and cumulatively from the project's start to its end. */
public record Tally(Map<Figure, Long> period, Map<Figure, Long> cumulative) {

    public Tally {
        period = copy(period);
        cumulative = copy(cumulative);
    }

    public long period(Figure figure) {
        return period.getOrDefault(figure, 0L);
    }

    public long cumulative(Figure figure) {
        return cumulative.getOrDefault(figure, 0L);
    }

    private static Map<Figure, Long> copy(Map<Figure, Long> values) {
        Map<Figure, Long> copy = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            copy.put(figure, values == null ? 0L : values.getOrDefault(figure, 0L));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
