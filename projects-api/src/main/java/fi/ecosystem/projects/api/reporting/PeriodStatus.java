package fi.ecosystem.projects.api.reporting;

/** open → submitted → locked; a submitted period may be reopened, a locked one never changes. */
public enum PeriodStatus {
    OPEN, SUBMITTED, LOCKED
}
