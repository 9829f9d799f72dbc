package fi.ecosystem.events;

import fi.ecosystem.platform.testing.ServiceArchitectureTest;

/** The rules of docs/architecture.md for events-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("fi.ecosystem.events");
    }
}
