package org.proposalledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The API downstream apps depend on: one-way packages, and nothing of the ledger's own modules. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.proposalledger.api");

    @Test
    void no_package_cycles() {
        slices().matching("org.proposalledger.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_api_depends_on_no_other_module() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.proposalledger.platform..",
                "org.proposalledger.command..", "org.proposalledger.query..", "org.proposalledger.standalone..",
                "org.proposalledger.tools..").check(classes);
    }
}
