package fi.ecosystem.projects.api.reporting;

/**
 * A figure of a period: what it reports now (once locked: the locked value plus the corrections since) and, once
 * locked, the locked value itself.
 */
public record FigureValue(Figure figure, long periodValue, long cumulativeValue, Long lockedPeriodValue,
        Long lockedCumulativeValue) {

    /** What the period reports now differs from what was locked: corrections came after the lock. */
    public boolean corrected() {
        return lockedPeriodValue != null && lockedPeriodValue != periodValue;
    }
}
