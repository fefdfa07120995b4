package org.proposalledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.proposalledger.query");

    @Test
    void theQuerySideKnowsTheCommandSideOnlyThroughItsEvents() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.proposalledger.command..")
                .check(QUERY_SIDE);
    }

    @Test
    void theFoldIsPureSoReplayCanReuseIt() {
        classes().that().belongToAnyOf(ProposalFold.class, EventMeta.class)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.proposalledger.api..")
                        .or(belongToAnyOf(ProposalFold.class, EventMeta.class)))
                .check(QUERY_SIDE);
    }
}
