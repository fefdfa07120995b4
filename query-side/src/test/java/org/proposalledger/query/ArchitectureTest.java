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
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** The features: each may use the layers below and another feature, never in a circle. */
    private static final String[] FEATURES = {"org.proposalledger.query", "..query.proposal..",
            "..query.dashboard..", "..query.supervision..", "..query.audit..", "..query.history..",
            "..query.report..", "..query.rebuild..", "..query.deadletter..", "..query.reference.."};

    @Test
    void thePackagesImportEachOtherOneWayOnly() {
        slices().matching("org.proposalledger.query.(*)..").should().beFreeOfCycles().check(QUERY_SIDE);
    }

    @Test
    void theCoreAndTheProjectionMachineryKnowNoFeature() {
        noClasses().that().resideInAnyPackage("..query.core..", "..query.projection..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(QUERY_SIDE);
    }
}
