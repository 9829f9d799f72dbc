package fi.ecosystem.projects.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a project. A project that ended may be continued under a new funding decision (HRI ended 2023,
 * continued 2024 with municipal funding): it then points to the project that continues it.
 */
public enum ProjectStatus {
    PLANNED, ACTIVE, ENDED, CONTINUED;

    public Set<ProjectStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, ENDED);
            case ACTIVE -> EnumSet.of(ENDED);
            case ENDED -> EnumSet.of(CONTINUED);
            case CONTINUED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean canBecome(ProjectStatus target) {
        return next().contains(target);
    }
}
