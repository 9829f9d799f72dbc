package fi.ecosystem.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static fi.ecosystem.platform.testing.ArchitectureRules.classesOf;
import static fi.ecosystem.platform.testing.ArchitectureRules.featuresFreeOfCycles;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import fi.ecosystem.web.support.ServiceClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** The web UI keeps nothing itself: it reads and writes through the services' APIs. */
class ArchitectureTest {

    static final JavaClasses classes = classesOf("fi.ecosystem.web");

    /**
     * The pages of the services that have a typed client: events-service (staff and public, {@code events-api}),
     * projects-service ({@code projects-api}, the reporting periods too) and contacts-service ({@code contacts-api}), and
     * the home that reads two.
     */
    static final String[] TYPED_PAGES = {"fi.ecosystem.web.events..", "fi.ecosystem.web.publicevents..",
            "fi.ecosystem.web.projects..", "fi.ecosystem.web.reporting..", "fi.ecosystem.web.contacts..",
            "fi.ecosystem.web.home.."};

    @Test
    void pagesDoNotDependOnEachOtherInACircle() {
        featuresFreeOfCycles("fi.ecosystem.web").check(classes);
    }

    @Test
    void theUiTouchesNoStoreAndNoKafka() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                "com.mongodb..", "org.bson..", "org.apache.kafka..", "org.springframework.kafka..").check(classes);
    }

    @Test
    void pagesOfAServiceWithATypedClientReadItsAnswersAsRecordsNotMaps() {
        readTypedAnswers(TYPED_PAGES).check(classes);
    }

    @Test
    void theTypedAnswersRuleRefusesAPageThatReadsAMapAndLetsOneThatReadsRecords() {
        JavaClasses untyped = new ClassFileImporter().importPackages("fi.ecosystem.web.archfixture.untyped");
        assertThatThrownBy(() -> readTypedAnswers("fi.ecosystem.web.archfixture.untyped..").check(untyped))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EventPageReadingMaps.title(").hasMessageContaining("EventPageReadingMaps.status(")
                .hasMessageContaining("ProjectAndContactPagesReadingMaps.projectName(")
                .hasMessageContaining("ProjectAndContactPagesReadingMaps.people(");
        JavaClasses typed = new ClassFileImporter().importPackages("fi.ecosystem.web.archfixture.typed");
        readTypedAnswers("fi.ecosystem.web.archfixture.typed..").check(typed);
    }

    /**
     * No Map-typed answers from the services in these packages: no call of the untyped {@link ServiceClient}'s JSON
     * methods, no {@code RestClient ... body(Map.class)}, no {@code ParameterizedTypeReference}. A renamed field then
     * breaks the build (the records are the service's own), not a browser test.
     */
    static ArchRule readTypedAnswers(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().callMethodWhere(UNTYPED_READ)
                .orShould().dependOnClassesThat().belongToAnyOf(ParameterizedTypeReference.class)
                .because("a page reads a service through its typed client (a renamed field breaks the build, not the browser)");
    }

    private static final DescribedPredicate<JavaMethodCall> UNTYPED_READ = DescribedPredicate.describe(
            "reads a service's answer as a Map", call -> {
                JavaClass answer = call.getTarget().getRawReturnType();
                boolean untypedClient = call.getTargetOwner().isAssignableTo(ServiceClient.class)
                        && (answer.isAssignableTo(Map.class) || answer.isAssignableTo(List.class));
                boolean mapBody = call.getTargetOwner().isAssignableTo(RestClient.ResponseSpec.class)
                        && Set.of("body", "toEntity").contains(call.getName())
                        && call.getOrigin().getReferencedClassObjects().stream()
                                .anyMatch(literal -> literal.getRawType().isAssignableTo(Map.class));
                return untypedClient || mapBody;
            });
}
