package org.proposalledger.api.transparency;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Downstream apps and offline tools use this package alone: it needs nothing but the JDK. */
class PlainJavaTest {

    @Test
    void theTransparencyLogDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.proposalledger.api.transparency")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.proposalledger.api.transparency")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.proposalledger.api.transparency"));
    }
}
