package fi.ecosystem.projects;

import fi.ecosystem.platform.testing.ServiceArchitectureTest;
import java.util.Map;

/** The rules of docs/architecture.md for projects-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("fi.ecosystem.projects", Map.of(
                "fi.ecosystem.projects.project.ProjectCounts",
                "the live counts' own collections (project_participants, project_events): small documents upserted in "
                        + "bulk, no aggregate",
                "fi.ecosystem.projects.project.ProjectContactLists",
                "an erasure rewrites the contact lists of projects and their audit entries as stored (unmapped, the "
                        + "project's version moved on); in the aggregate's own package, and no event on purpose"));
    }
}
