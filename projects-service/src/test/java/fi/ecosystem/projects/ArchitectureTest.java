package fi.ecosystem.projects;

import fi.ecosystem.platform.testing.ServiceArchitectureTest;

/** The rules of docs/architecture.md for projects-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("fi.ecosystem.projects");
    }
}
