package nm.cte;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of the jar depend on one another in one direction only, so that each can be read, tested and changed
 * with what it uses and nothing that uses it. Each package's package-info says what it is for.
 */
@AnalyzeClasses(packages = "nm.cte", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagesTest {

    /** Each package below nm.cte, with its sub-packages, is a slice: no two of them depend on each other. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("nm.cte.(*)..").should().beFreeOfCycles();

    /** The root package holds the main class alone, which nothing calls back: it is outside every slice above. */
    @ArchTest
    static final ArchRule nothingDependsOnTheMainClass = noClasses().that().resideOutsideOfPackage("nm.cte")
            .should().dependOnClassesThat().resideInAPackage("nm.cte");
}
