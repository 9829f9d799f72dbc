package fi.ecosystem.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The package and module rules of docs/architecture.md as checks, shared by every module's
 * {@code ArchitectureTest}: features without cycles, web adapters that do not touch the store, Kafka only in
 * the platform's messaging part, no store access from the messaging or web adapters of a service, and no write that
 * names a collection by a string past the aggregates.
 */
public final class ArchitectureRules {

    /** The import of a module's classes, once per test run: JUnit makes a test instance per method. */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private ArchitectureRules() {
    }

    /** The module's own production classes (imported once and kept for the run). */
    public static JavaClasses classesOf(String rootPackage) {
        return IMPORTED.computeIfAbsent(rootPackage, root -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root));
    }

    /** The features of a module (the packages right under its root) do not depend on each other in a circle. */
    public static ArchRule featuresFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** Every package of the module, at any depth, is free of cycles with its siblings. */
    public static ArchRule packagesFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles();
    }

    /** Controllers and their request/response types reach the store only through the feature's services. */
    public static final ArchRule WEB_ADAPTERS_DO_NOT_TOUCH_THE_STORE = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..")
            .as("web adapters do not touch the store");

    /** Services declare Subscriptions and use the Outbox; only the platform's messaging part talks to Kafka. */
    public static final ArchRule ONLY_MESSAGING_TOUCHES_KAFKA = noClasses().that()
            .resideOutsideOfPackage("fi.ecosystem.platform.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .as("only the platform's messaging part touches Kafka");

    /** A subscription hands the event to its feature, which writes its own collections. */
    public static final ArchRule SUBSCRIPTIONS_DO_NOT_WRITE_THE_STORE = noClasses().that().resideInAPackage("..messaging..")
            .and().resideOutsideOfPackage("fi.ecosystem.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..")
            .as("a service's subscriptions leave the writing to its features");

    /** Aggregates record their events; the outbox bookkeeping is the platform messaging part's alone. */
    public static final ArchRule ONLY_MESSAGING_USES_THE_OUTBOX = noClasses().that()
            .resideOutsideOfPackage("fi.ecosystem.platform.messaging..")
            // by name: modules without the messaging part (the gateway) load these rules too
            .should().dependOnClassesThat().haveNameMatching("fi\\.ecosystem\\.platform\\.messaging\\.Outbox(Event)?(\\$.*)?")
            .as("only the platform's messaging part uses the Outbox (use cases record events on their aggregates)");

    /** The template's methods that write. */
    private static final Set<String> WRITES = Set.of("save", "insert", "insertAll", "updateFirst", "updateMulti", "upsert",
            "findAndModify", "findAndReplace", "findAndRemove", "findAllAndRemove", "remove", "replace", "bulkOps");

    /**
     * An aggregate (a {@code @Document} class) is written only from its own package: a method that calls a write of
     * the template (or of {@code AtomicChanges}) naming an aggregate type of another package breaks the rule. Its own
     * store and repository sit beside it, so its events and guards cannot be bypassed.
     */
    public static final ArchRule ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().should(new ArchCondition<JavaClass>("write aggregates only of their own package") {
                @Override
                public void check(JavaClass writer, ConditionEvents events) {
                    for (JavaCodeUnit method : writer.getCodeUnits()) {
                        if (method.getMethodCallsFromSelf().stream().noneMatch(ArchitectureRules::writes)) {
                            continue;
                        }
                        for (ReferencedClassObject written : method.getReferencedClassObjects()) {
                            JavaClass aggregate = written.getRawType();
                            if (aggregate.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")
                                    && !aggregate.getPackageName().equals(writer.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(writer, method.getFullName() + " writes "
                                        + aggregate.getName() + " from outside its package " + written.getSourceCodeLocation()));
                            }
                        }
                    }
                }
            }).as("only an aggregate's own package writes its collection");

    /**
     * Where writing by a collection's name is the point: the messaging part (the relay marks events sent in the
     * aggregate's own document, the inbox's markers, the relay's lease) and the privacy part (the per-person keys).
     */
    private static final String[] PLATFORM_PARTS_WRITING_BY_NAME = {"fi.ecosystem.platform.messaging..",
            "fi.ecosystem.platform.privacy.."};

    /**
     * No write names a collection by a string: a write overload of the template (reactive too) that takes a collection
     * name, {@code execute} on a named collection, the fluent API's {@code inCollection}, and any {@code getCollection}
     * (the driver's collection writes past every mapping). An aggregate's collection is then written only through its
     * type, which {@link #ONLY_AN_AGGREGATES_PACKAGE_WRITES_IT} and the outbox callbacks see. A module names the
     * classes (or single methods, {@code Class.method}) that keep a non-aggregate collection by name (a lease, a
     * counter, a word index), each with its reason; nested classes of a named class and lambdas of a named method are
     * included.
     *
     * @param exceptions class or method name → why it writes by a collection's name
     */
    public static ArchRule noWritesByCollectionName(Map<String, String> exceptions) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that()
                .resideOutsideOfPackages(PLATFORM_PARTS_WRITING_BY_NAME)
                .should(new ArchCondition<JavaClass>("write no collection by its name") {
                    @Override
                    public void check(JavaClass writer, ConditionEvents events) {
                        for (JavaMethodCall call : writer.getMethodCallsFromSelf()) {
                            if (writesByName(call) && !excepted(call, exceptions)) {
                                events.add(SimpleConditionEvent.violated(writer, call.getOrigin().getFullName()
                                        + " writes a collection by its name: " + call.getName() + " "
                                        + call.getSourceCodeLocation()));
                            }
                        }
                    }
                }).as("no write names a collection by a string (aggregates are written through their types)")
                .allowEmptyShould(true);
    }

    /**
     * Whether a class or method of this name (nested classes and lambdas included) writes by a collection's name, so
     * an exception that no longer does is found and dropped.
     */
    public static boolean writesByCollectionName(JavaClasses classes, String classOrMethod) {
        return classes.stream().flatMap(type -> type.getMethodCallsFromSelf().stream())
                .anyMatch(call -> writesByName(call) && excepted(call, Map.of(classOrMethod, "")));
    }

    private static boolean excepted(JavaMethodCall call, Map<String, String> exceptions) {
        String owner = call.getOriginOwner().getName();
        String method = owner + "." + call.getOrigin().getName();
        return exceptions.keySet().stream().anyMatch(name -> owner.equals(name) || owner.startsWith(name + "$")
                || method.equals(name) || method.startsWith(lambdaOf(name)));
    }

    /** {@code a.B.m} → {@code a.B.lambda$m$}, how javac names a lambda written in method m. */
    private static String lambdaOf(String method) {
        int dot = method.lastIndexOf('.');
        return method.substring(0, dot) + ".lambda$" + method.substring(dot + 1) + "$";
    }

    private static boolean writesByName(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        boolean namesACollection = call.getTarget().getRawParameterTypes().stream()
                .anyMatch(type -> type.isEquivalentTo(String.class));
        boolean template = owner.isAssignableTo("org.springframework.data.mongodb.core.MongoOperations")
                || owner.isAssignableTo("org.springframework.data.mongodb.core.ReactiveMongoOperations");
        boolean driver = owner.getPackageName().startsWith("com.mongodb");
        boolean fluentWrite = owner.getPackageName().equals("org.springframework.data.mongodb.core")
                && owner.getSimpleName().matches(".*(Update|Insert|Remove|Upsert)Operation.*");
        return (template && (WRITES.contains(name) || name.equals("execute")) && namesACollection)
                || ((template || driver) && name.equals("getCollection"))
                || (fluentWrite && name.equals("inCollection"));
    }

    private static boolean writes(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        return (owner.isAssignableTo("org.springframework.data.mongodb.core.MongoOperations") && WRITES.contains(call.getName()))
                || owner.isAssignableTo("org.springframework.data.mongodb.core.BulkOperations")
                || owner.isAssignableTo("fi.ecosystem.platform.messaging.AtomicChanges");
    }
}
