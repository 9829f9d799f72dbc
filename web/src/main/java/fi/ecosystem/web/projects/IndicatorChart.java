package fi.ecosystem.web.projects;

import fi.ecosystem.projects.api.ProjectResponse.IndicatorValue;
import java.util.ArrayList;
import java.util.List;
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
    public int barWidth(long actual, long target) {
        if (target <= 0) {
            return actual > 0 ? WIDTH : 0;
        }
        return (int) Math.min(WIDTH, Math.round((double) WIDTH * actual / target));
    }

    /** A point per reported value, in the order reported, scaled so that the target (or the top value) is at the top. */
    public List<Point> history(List<IndicatorValue> history, long target) {
        long top = top(history, target);
        List<Point> points = new ArrayList<>();
        int n = history.size();
        for (int i = 0; i < n; i++) {
            long value = history.get(i).value();
            int x = n == 1 ? WIDTH / 2 : PAD + i * (WIDTH - 2 * PAD) / (n - 1);
            int y = HEIGHT - PAD - (int) Math.round((double) (HEIGHT - 2 * PAD) * value / top);
            points.add(new Point(x, y, history.get(i).period(), value));
        }
        return points;
    }

    /** The target line's height in the history chart. */
    public int targetY(List<IndicatorValue> history, long target) {
        return HEIGHT - PAD - (int) Math.round((double) (HEIGHT - 2 * PAD) * target / top(history, target));
    }

    public String polyline(List<Point> points) {
        StringBuilder line = new StringBuilder();
        points.forEach(point -> line.append(point.x()).append(',').append(point.y()).append(' '));
        return line.toString().trim();
    }

    private static long top(List<IndicatorValue> history, long target) {
        long top = Math.max(1, target);
        for (IndicatorValue value : history) {
            top = Math.max(top, value.value());
        }
        return top;
    }

    public record Point(int x, int y, String period, long value) {
    }
}
