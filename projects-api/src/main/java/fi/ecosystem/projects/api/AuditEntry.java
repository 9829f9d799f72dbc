package fi.ecosystem.projects.api;

import java.time.Instant;
import java.util.List;

/**
 * Who changed what in a project and when. {@code action} is a short phrase ("indicator growth reported for 2024-H1");
 * a change's {@code before} and {@code after} are the field's JSON values (a text, a number, a list…).
 */
public record AuditEntry(String id, String projectId, Instant at, String actor, String actorName, String action,
        List<Change> changes) {

    public AuditEntry {
        changes = changes == null ? List.of() : changes;
    }

    public record Change(String field, Object before, Object after) {
    }
}
