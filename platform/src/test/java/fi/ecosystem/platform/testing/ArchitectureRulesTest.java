package fi.ecosystem.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import fi.ecosystem.platform.testing.fixtures.checkout.Checkout;
import fi.ecosystem.platform.testing.fixtures.checkout.Receipt;
import fi.ecosystem.platform.testing.fixtures.checkout.Refund;
import fi.ecosystem.platform.testing.fixtures.shop.Order;
import fi.ecosystem.platform.testing.fixtures.shop.OrderStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event and store rules catch a class that breaks them, and let the allowed shapes through (fixtures). */
class ArchitectureRulesTest {

    @Test
    void aClassWritingAnotherPackagesAggregateBreaksTheRuleAndItsOwnStoreDoesNot() {
        JavaClasses violating = new ClassFileImporter().importClasses(Checkout.class, Order.class);
        JavaClasses allowed = new ClassFileImporter().importClasses(OrderStore.class, Receipt.class, Order.class);

        EvaluationResult broken = ArchitectureRules.ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT.evaluate(violating);
        assertThat(broken.hasViolation()).isTrue();
        assertThat(broken.getFailureReport().getDetails()).singleElement().asString()
                .contains("Checkout.pay", "writes " + Order.class.getName());
        assertThat(ArchitectureRules.ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT.evaluate(allowed).hasViolation()).isFalse();
    }

    @Test
    void aClassUsingTheOutboxOutsideMessagingBreaksTheRule() {
        JavaClasses violating = new ClassFileImporter().importClasses(Checkout.class);
        JavaClasses allowed = new ClassFileImporter().importClasses(OrderStore.class, Receipt.class);

        EvaluationResult broken = ArchitectureRules.ONLY_MESSAGING_USES_THE_OUTBOX.evaluate(violating);
        assertThat(broken.hasViolation()).isTrue();
        assertThat(broken.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains("Checkout", "Outbox"));
        assertThat(ArchitectureRules.ONLY_MESSAGING_USES_THE_OUTBOX.evaluate(allowed).hasViolation()).isFalse();
    }

    @Test
    void aClassWritingACollectionByItsNameBreaksTheRuleUnlessNamedAsAnExceptionAndTypedWritesDoNot() {
        JavaClasses violating = new ClassFileImporter().importClasses(Refund.class);
        JavaClasses typed = new ClassFileImporter().importClasses(OrderStore.class, Receipt.class, Checkout.class);

        EvaluationResult broken = ArchitectureRules.noWritesByCollectionName(Map.of()).evaluate(violating);
        assertThat(broken.hasViolation()).isTrue();
        assertThat(broken.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Refund.refund", "by its name: updateFirst"))
                .anySatisfy(line -> assertThat(line).contains("Refund.forget", "by its name: getCollection"));
        assertThat(ArchitectureRules.writesByCollectionName(violating, Refund.class.getName() + ".forget")).isTrue();

        assertThat(ArchitectureRules.noWritesByCollectionName(Map.of()).evaluate(typed).hasViolation()).isFalse();
        assertThat(ArchitectureRules.writesByCollectionName(typed, OrderStore.class.getName())).isFalse();
        assertThat(ArchitectureRules.noWritesByCollectionName(Map.of(Refund.class.getName(), "a fixture's reason"))
                .evaluate(violating).hasViolation()).isFalse();
        EvaluationResult oneMethodExcepted = ArchitectureRules
                .noWritesByCollectionName(Map.of(Refund.class.getName() + ".forget", "a fixture's reason")).evaluate(violating);
        assertThat(oneMethodExcepted.getFailureReport().getDetails()).singleElement().asString().contains("Refund.refund");
    }
}
