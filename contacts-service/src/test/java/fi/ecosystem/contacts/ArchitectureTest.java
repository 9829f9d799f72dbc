package fi.ecosystem.contacts;

import fi.ecosystem.platform.testing.ServiceArchitectureTest;

/** The rules of docs/architecture.md for contacts-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("fi.ecosystem.contacts");
    }
}
