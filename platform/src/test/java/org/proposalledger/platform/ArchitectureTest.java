package org.proposalledger.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** What both sides share: one-way packages, and nothing of either side. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.proposalledger.platform");

    @Test
    void no_package_cycles() {
        slices().matching("org.proposalledger.platform.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_platform_depends_on_neither_side() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.proposalledger.command..",
                "org.proposalledger.query..", "org.proposalledger.standalone..", "org.proposalledger.tools..")
                .check(classes);
    }
}
