package org.proposalledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.proposalledger.command");

    @Test
    void domain_classes_do_not_depend_on_spring() {
        noClasses().that().resideInAnyPackage("..command.proposal..", "..command.reference..",
                        "..command.deadline..", "..command.security..")
                .and().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.proposalledger.platform..")
                .check(classes);
    }

    @Test
    void the_command_side_never_reaches_into_the_query_side() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.proposalledger.query..")
                .check(classes);
    }

    @Test
    void no_package_cycles() {
        slices().matching("org.proposalledger.command.(*)..").should().beFreeOfCycles().check(classes);
    }
}
