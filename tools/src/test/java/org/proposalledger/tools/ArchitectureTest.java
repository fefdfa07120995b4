package org.proposalledger.tools;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The tools' walls: no package cycles, the benchmarks share their support instead of calling each other. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.proposalledger.tools");
    }

    @Test
    void no_package_cycles() {
        slices().matching("org.proposalledger.tools.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.proposalledger.tools.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void benchmarks_do_not_call_each_other() {
        noClasses().that().haveSimpleNameEndingWith("Benchmark")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Benchmark")
                .because("what two benchmarks share lives in bench.support")
                .check(classes);
    }

    @Test
    void bench_support_knows_no_benchmark() {
        noClasses().that().resideInAPackage("org.proposalledger.tools.bench.support..")
                .should().dependOnClassesThat().resideInAPackage("org.proposalledger.tools.bench")
                .check(classes);
    }

    @Test
    void the_generator_and_the_benchmarks_are_apart() {
        noClasses().that().resideInAPackage("org.proposalledger.tools.generate..")
                .should().dependOnClassesThat().resideInAPackage("org.proposalledger.tools.bench..")
                .check(classes);
        noClasses().that().resideInAPackage("org.proposalledger.tools.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.proposalledger.tools.generate..")
                .check(classes);
    }
}
