package fi.ecosystem.platform.testing;

import static fi.ecosystem.platform.testing.ArchitectureRules.ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT;
import static fi.ecosystem.platform.testing.ArchitectureRules.ONLY_MESSAGING_TOUCHES_KAFKA;
import static fi.ecosystem.platform.testing.ArchitectureRules.ONLY_MESSAGING_USES_THE_OUTBOX;
import static fi.ecosystem.platform.testing.ArchitectureRules.SUBSCRIPTIONS_DO_NOT_WRITE_THE_STORE;
import static fi.ecosystem.platform.testing.ArchitectureRules.WEB_ADAPTERS_DO_NOT_TOUCH_THE_STORE;
import static fi.ecosystem.platform.testing.ArchitectureRules.classesOf;
import static fi.ecosystem.platform.testing.ArchitectureRules.featuresFreeOfCycles;
import static fi.ecosystem.platform.testing.ArchitectureRules.noWritesByCollectionName;
import static fi.ecosystem.platform.testing.ArchitectureRules.writesByCollectionName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md for a service: each service's {@code ArchitectureTest} names its root package. */
public abstract class ServiceArchitectureTest {

    private final String rootPackage;
    private final JavaClasses classes;
    private final Map<String, String> writersByCollectionName;

    protected ServiceArchitectureTest(String rootPackage) {
        this(rootPackage, Map.of());
    }

    /** @param writersByCollectionName the classes or methods that write a collection by its name → why (narrow, each with its reason) */
    protected ServiceArchitectureTest(String rootPackage, Map<String, String> writersByCollectionName) {
        this.rootPackage = rootPackage;
        this.classes = classesOf(rootPackage);
        this.writersByCollectionName = writersByCollectionName;
    }

    @Test
    void featuresDoNotDependOnEachOtherInACircle() {
        featuresFreeOfCycles(rootPackage).check(classes);
    }

    @Test
    void webAdaptersDoNotTouchTheStore() {
        WEB_ADAPTERS_DO_NOT_TOUCH_THE_STORE.check(classes);
    }

    @Test
    void onlyThePlatformTouchesKafka() {
        ONLY_MESSAGING_TOUCHES_KAFKA.check(classes);
    }

    @Test
    void subscriptionsLeaveTheWritingToTheirFeatures() {
        SUBSCRIPTIONS_DO_NOT_WRITE_THE_STORE.check(classes);
    }

    @Test
    void useCasesRecordEventsOnAggregatesAndNeverUseTheOutbox() {
        ONLY_MESSAGING_USES_THE_OUTBOX.check(classes);
    }

    @Test
    void onlyAnAggregatesOwnPackageWritesIt() {
        ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT.check(classes);
    }

    @Test
    void noWriteNamesACollectionByAStringButTheNamedExceptions() {
        noWritesByCollectionName(writersByCollectionName).check(classes);
    }

    @Test
    void everyExceptionStillWritesByACollectionsName() {
        assertThat(writersByCollectionName.keySet())
                .allSatisfy(name -> assertThat(writesByCollectionName(classes, name)).as(name).isTrue());
    }
}
