package org.proposalledger.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Module walls, checked on the classes that actually ship together in the standalone jar. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.proposalledger");
    }

    @Test
    void shared_kernel_depends_on_no_spring() {
        noClasses().that().resideInAPackage("org.proposalledger.api..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("downstream apps depend on shared-kernel without taking Spring")
                .check(classes);
    }

    @Test
    void shared_kernel_depends_on_no_axon_configuration() {
        noClasses().that().resideInAPackage("org.proposalledger.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.axonframework.config..", "org.axonframework.spring..", "org.axonframework.springboot..",
                        "org.axonframework.eventsourcing..", "org.axonframework.axonserver..")
                .because("shared-kernel carries messages, not wiring")
                .check(classes);
    }

    @Test
    void query_side_never_imports_command_side() {
        noClasses().that().resideInAPackage("org.proposalledger.query..")
                .should().dependOnClassesThat().resideInAPackage("org.proposalledger.command..")
                .check(classes);
    }

    @Test
    void command_side_never_imports_query_side() {
        noClasses().that().resideInAPackage("org.proposalledger.command..")
                .should().dependOnClassesThat().resideInAPackage("org.proposalledger.query..")
                .check(classes);
    }

    @Test
    void platform_knows_neither_side() {
        noClasses().that().resideInAPackage("org.proposalledger.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.proposalledger.command..",
                        "org.proposalledger.query..")
                .check(classes);
    }

    @Test
    void aggregates_do_not_depend_on_spring_or_the_web() {
        noClasses().that().resideInAnyPackage("org.proposalledger.command..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Request")
                .and().haveSimpleNameNotEndingWith("Config")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..", "org.proposalledger.platform..")
                .because("the domain is framework-free apart from Axon's modelling annotations")
                .check(classes);
    }
}
