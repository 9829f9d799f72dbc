package fi.ecosystem.projects.api;

/** Where a work package's deliverable is. */
public enum DeliverableStatus {
    PLANNED, IN_PROGRESS, DONE, LATE
}
