package fi.ecosystem.projects.api;

/** Where a project is in its life: planned, active, ended, or ended and continued by another project. */
public enum ProjectStatus {
    PLANNED, ACTIVE, ENDED, CONTINUED
}
