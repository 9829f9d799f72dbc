package fi.ecosystem.web.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The geometry of the small inline-SVG charts: an indicator's progress bar (actual against target) and the
 * line of its reported history. The numbers are also in the page as text and in the SVG's title.
 */
@Component("charts")
public class IndicatorChart {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 120;
    private static final int PAD = 24;

    /** Width of the actual-value bar, 0–{@link #WIDTH}, capped at the target's full width. */
    public int barWidth(Object actual, Object target) {
        long a = number(actual);
        long t = number(target);
        if (t <= 0) {
            return a > 0 ? WIDTH : 0;
        }
        return (int) Math.min(WIDTH, Math.round((double) WIDTH * a / t));
    }

    /** A point per reported value, in the order reported, scaled so that the target (or the top value) is at the top. */
    public List<Point> history(Object history, Object target) {
        List<Map<?, ?>> values = new ArrayList<>();
        if (history instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof Map<?, ?> value) {
                    values.add(value);
                }
            });
        }
        long top = Math.max(1, number(target));
        for (Map<?, ?> value : values) {
            top = Math.max(top, number(value.get("value")));
        }
        List<Point> points = new ArrayList<>();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            long value = number(values.get(i).get("value"));
            int x = n == 1 ? WIDTH / 2 : PAD + i * (WIDTH - 2 * PAD) / (n - 1);
            int y = HEIGHT - PAD - (int) Math.round((double) (HEIGHT - 2 * PAD) * value / top);
            points.add(new Point(x, y, String.valueOf(values.get(i).get("period")), value));
        }
        return points;
    }

    /** The target line's height in the history chart. */
    public int targetY(Object history, Object target) {
        long top = Math.max(1, number(target));
        if (history instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> value) {
                    top = Math.max(top, number(value.get("value")));
                }
            }
        }
        return HEIGHT - PAD - (int) Math.round((double) (HEIGHT - 2 * PAD) * number(target) / top);
    }

    public String polyline(List<Point> points) {
        StringBuilder line = new StringBuilder();
        points.forEach(point -> line.append(point.x()).append(',').append(point.y()).append(' '));
        return line.toString().trim();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    public record Point(int x, int y, String period, long value) {
    }
}
