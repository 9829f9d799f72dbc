package fi.ecosystem.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static fi.ecosystem.platform.testing.ArchitectureRules.ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT;
import static fi.ecosystem.platform.testing.ArchitectureRules.ONLY_MESSAGING_TOUCHES_KAFKA;
import static fi.ecosystem.platform.testing.ArchitectureRules.ONLY_MESSAGING_USES_THE_OUTBOX;
import static fi.ecosystem.platform.testing.ArchitectureRules.classesOf;
import static fi.ecosystem.platform.testing.ArchitectureRules.featuresFreeOfCycles;
import static fi.ecosystem.platform.testing.ArchitectureRules.noWritesByCollectionName;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform's named parts: service defaults (security, problem+json, API docs), privacy, messaging, the
 * project read model. The service defaults need no store and no Kafka, so a module that only serves pages
 * (web) takes them without either.
 */
class ArchitectureTest {

    static final JavaClasses classes = classesOf("fi.ecosystem.platform");

    @Test
    void partsDoNotDependOnEachOtherInACircle() {
        featuresFreeOfCycles("fi.ecosystem.platform").check(classes);
    }

    @Test
    void onlyTheMessagingPartTouchesKafka() {
        ONLY_MESSAGING_TOUCHES_KAFKA.check(classes);
    }

    @Test
    void onlyTheMessagingPartUsesTheOutboxAndAggregatesAreWrittenFromTheirPackage() {
        ONLY_MESSAGING_USES_THE_OUTBOX.check(classes);
        ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT.check(classes);
    }

    @Test
    void outsideMessagingAndPrivacyNoWriteNamesACollectionByAString() {
        noWritesByCollectionName(Map.of()).check(classes);
    }

    @Test
    void theServiceDefaultsNeedNoStoreAndNoKafka() {
        noClasses().that().resideInAnyPackage("fi.ecosystem.platform", "fi.ecosystem.platform.security..",
                        "fi.ecosystem.platform.web..", "fi.ecosystem.platform.search..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "org.springframework.kafka..", "fi.ecosystem.platform.messaging..",
                        "fi.ecosystem.platform.privacy..", "fi.ecosystem.platform.projectaccess..")
                .check(classes);
    }
}
