package fi.ecosystem.gateway;

import static fi.ecosystem.platform.testing.ArchitectureRules.classesOf;
import static fi.ecosystem.platform.testing.ArchitectureRules.featuresFreeOfCycles;

import org.junit.jupiter.api.Test;

/** The gateway's parts (security, sessions, rate limits, errors, resilience, forwarding) without cycles. */
class ArchitectureTest {

    @Test
    void partsDoNotDependOnEachOtherInACircle() {
        featuresFreeOfCycles("fi.ecosystem.gateway").check(classesOf("fi.ecosystem.gateway"));
    }
}
