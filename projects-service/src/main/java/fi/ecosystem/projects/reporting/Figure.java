package fi.ecosystem.projects.reporting;

/** The indicators counted from evidence (never typed in by hand). */
public enum Figure {
    /** completed events of the project, by the date they ended, not marked as "does not count in reports" */
    EVENTS_HELD,
    /** distinct people (by keyed e-mail hash) checked in to at least one session */
    PARTICIPANTS_REACHED,
    /** distinct companies by business ID whose people attended, once per project across events and partners */
    ENTERPRISES_SUPPORTED,
    /** participants of a completed growth programme who attended it */
    GROWTH_PROGRAMME_COMPLETIONS
}
