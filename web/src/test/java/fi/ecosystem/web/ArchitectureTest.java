package fi.ecosystem.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static fi.ecosystem.platform.testing.ArchitectureRules.classesOf;
import static fi.ecosystem.platform.testing.ArchitectureRules.featuresFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The web UI keeps nothing itself: it reads and writes through the services' APIs. */
class ArchitectureTest {

    static final JavaClasses classes = classesOf("fi.ecosystem.web");

    @Test
    void pagesDoNotDependOnEachOtherInACircle() {
        featuresFreeOfCycles("fi.ecosystem.web").check(classes);
    }

    @Test
    void theUiTouchesNoStoreAndNoKafka() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                "com.mongodb..", "org.bson..", "org.apache.kafka..", "org.springframework.kafka..").check(classes);
    }
}
