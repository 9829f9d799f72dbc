package fi.ecosystem.gateway;

import static fi.ecosystem.platform.testing.ArchitectureRules.classesOf;
import static fi.ecosystem.platform.testing.ArchitectureRules.featuresFreeOfCycles;
import static fi.ecosystem.platform.testing.ArchitectureRules.noWritesByCollectionName;
import static fi.ecosystem.platform.testing.ArchitectureRules.writesByCollectionName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's parts (security, sessions, rate limits, errors, resilience, forwarding) without cycles. */
class ArchitectureTest {

    static final JavaClasses classes = classesOf("fi.ecosystem.gateway");

    /** The gateway keeps no aggregate: what it writes by a collection's name, and why. */
    static final Map<String, String> WRITERS_BY_COLLECTION_NAME = Map.of(
            "fi.ecosystem.gateway.session.MongoWebSessions",
            "the web sessions (web_sessions): a raw document per session, replaced whole with an upsert",
            "fi.ecosystem.gateway.ratelimit.PublicRateLimitFilter",
            "the public writes' window counters (rate_limits), shared by the replicas");

    @Test
    void partsDoNotDependOnEachOtherInACircle() {
        featuresFreeOfCycles("fi.ecosystem.gateway").check(classes);
    }

    @Test
    void noWriteNamesACollectionByAStringButTheNamedExceptions() {
        noWritesByCollectionName(WRITERS_BY_COLLECTION_NAME).check(classes);
        assertThat(WRITERS_BY_COLLECTION_NAME.keySet())
                .allSatisfy(name -> assertThat(writesByCollectionName(classes, name)).as(name).isTrue());
    }
}
