package fi.ecosystem.projects.api.reporting;

/** The indicators a reporting period counts from evidence (never typed in by hand). */
public enum Figure {
    EVENTS_HELD, PARTICIPANTS_REACHED, ENTERPRISES_SUPPORTED, GROWTH_PROGRAMME_COMPLETIONS
}
