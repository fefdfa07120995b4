package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.Provenance;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.security.Actor;

import java.util.List;
import java.util.Map;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/**
 * An import of a published report records what the report states and nothing else: category
 * and reply class "not stated", no dates. Each rule it adds, and each refusal, has a test.
 */
class ProposalImportTest extends ProposalTestSupport {

    static final Map<String, Object> IMPORT = Actor.importer("office-wang").toMetaData();
    static final String TEXT = "我局已推进园区建设。";
    static final String UNIT_NAME = "吕梁市商务局";

    static SubmitProposal submit(Category category) {
        return new SubmitProposal(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU, GAO), true, category,
                "交口是一个典型的资源型县份。", List.of("一是积极协调。", "二是帮助招商。"));
    }

    static ProposalSubmitted importedSubmission() {
        return new ProposalSubmitted(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU, GAO), true, Category.NOT_STATED,
                "交口是一个典型的资源型县份。", List.of("一是积极协调。", "二是帮助招商。"), Provenance.IMPORTED);
    }

    static ProposalRegistered importedRegistration() {
        return new ProposalRegistered(ID, SESSION, "未注明");
    }

    static ProposalAssigned undatedAssignment() {
        return new ProposalAssigned(ID, SESSION, COMMERCE, List.of(), null, null);
    }

    static ProposalReplied importedReply() {
        return new ProposalReplied(ID, COMMERCE, ReplyClass.NOT_STATED, TEXT, UNIT_NAME, null, null, false, 1);
    }

    static Object[] importedAssignment() {
        return new Object[]{importedSubmission(), importedRegistration(), undatedAssignment()};
    }

    // ---- what an import may record -------------------------------------------------------

    @Test
    void import_submits_with_category_not_stated() {
        fixture.givenNoPriorActivity()
                .when(submit(Category.NOT_STATED), IMPORT)
                .expectEvents(importedSubmission());
    }

    @Test
    void import_submits_without_background_when_the_report_gives_none() {
        SubmitProposal cmd = new SubmitProposal(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU), false,
                Category.NOT_STATED, "", List.of("建议尽快建设园区。"));
        fixture.givenNoPriorActivity()
                .when(cmd, IMPORT)
                .expectEvents(new ProposalSubmitted(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU), false,
                        Category.NOT_STATED, "", List.of("建议尽快建设园区。"), Provenance.IMPORTED));
    }

    @Test
    void a_deputy_cannot_submit_without_background() {
        SubmitProposal cmd = new SubmitProposal(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU), false,
                Category.ECONOMY, "", List.of("建议尽快建设园区。"));
        fixture.givenNoPriorActivity()
                .when(cmd, PROPOSER)
                .expectNoEvents()
                .expectException(rejected(INVALID, "background-required"));
    }

    @Test
    void provenance_not_the_category_tells_an_imported_suggestion() {
        fixture.givenNoPriorActivity()
                .when(submit(Category.ECONOMY), IMPORT)
                .expectEvents(new ProposalSubmitted(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU, GAO), true,
                        Category.ECONOMY, "交口是一个典型的资源型县份。", List.of("一是积极协调。", "二是帮助招商。"),
                        Provenance.IMPORTED));
        fixture.given(new ProposalSubmitted(ID, SESSION, "关于支持园区建设的建议", List.of(ZHU, GAO), true,
                        Category.ECONOMY, "交口是一个典型的资源型县份。", List.of("一是积极协调。"), Provenance.IMPORTED))
                .when(new RegisterProposal(ID, "未注明"), IMPORT)
                .expectEvents(importedRegistration());
    }

    @Test
    void import_registers() {
        fixture.given(importedSubmission())
                .when(new RegisterProposal(ID, "未注明"), IMPORT)
                .expectEvents(importedRegistration());
    }

    @Test
    void import_assigns_without_dates() {
        fixture.given(importedSubmission(), importedRegistration())
                .when(new AssignProposal(ID, COMMERCE, List.of(), null), IMPORT)
                .expectEvents(undatedAssignment());
    }

    @Test
    void import_replies_with_class_not_stated_and_no_dates() {
        fixture.given(importedAssignment())
                .when(new ReplyToProposal(ID, ReplyClass.NOT_STATED, TEXT, UNIT_NAME), IMPORT)
                .expectEvents(importedReply());
    }

    @Test
    void a_proposer_may_rate_an_imported_reply() {
        fixture.given(importedAssignment()).andGiven(importedReply())
                .when(new RateReply(ID, Rating.SATISFIED, null), PROPOSER)
                .expectEvents(new ProposalRated(ID, ZHU, Rating.SATISFIED, null, 1));
    }

    @Test
    void the_lead_unit_may_consult_on_an_undated_assignment() {
        fixture.given(importedAssignment())
                .when(new RecordConsultation(ID, TODAY, ConsultationMode.PHONE, List.of("朱和平"), null), LEAD_UNIT)
                .expectEvents(new ConsultationHeld(ID, COMMERCE, TODAY, ConsultationMode.PHONE, List.of("朱和平"), null,
                        true));
    }

    @Test
    void the_lead_unit_replying_to_an_undated_assignment_is_not_late() {
        fixture.given(importedAssignment())
                .when(new ReplyToProposal(ID, ReplyClass.A, TEXT, "李局长"), LEAD_UNIT)
                .expectEvents(new ProposalReplied(ID, COMMERCE, ReplyClass.A, TEXT, "李局长", TODAY, null, false, 1));
    }

    // ---- what only an import may do, and what it may not ----------------------------------

    @Test
    void a_deputy_cannot_submit_with_category_not_stated() {
        fixture.givenNoPriorActivity()
                .when(submit(Category.NOT_STATED), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(INVALID, "category-required"));
    }

    @Test
    void a_unit_cannot_reply_with_class_not_stated() {
        fixture.given(assignedProposal())
                .when(new ReplyToProposal(ID, ReplyClass.NOT_STATED, TEXT, "李局长"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "classification-required"));
    }

    @Test
    void import_cannot_give_a_due_date() {
        fixture.given(importedSubmission(), importedRegistration())
                .when(new AssignProposal(ID, COMMERCE, List.of(), TODAY.plusMonths(3)), IMPORT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "imported-dates-not-stated"));
    }

    @Test
    void import_cannot_reply_to_an_assignment_the_ledger_follows() {
        fixture.given(assignedProposal())
                .when(new ReplyToProposal(ID, ReplyClass.NOT_STATED, TEXT, UNIT_NAME), IMPORT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "import-reply-requires-imported-assignment"));
    }

    @Test
    void import_cannot_reply_after_rehandling() {
        fixture.given(importedAssignment())
                .andGiven(importedReply(), new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1), rehandlingOrdered())
                .when(new ReplyToProposal(ID, ReplyClass.NOT_STATED, TEXT, UNIT_NAME), IMPORT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "import-reply-requires-imported-assignment"));
    }

    @Test
    void import_cannot_register_a_suggestion_handed_in_to_the_ledger() {
        fixture.given(submitted())
                .when(new RegisterProposal(ID, "未注明"), IMPORT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "import-requires-imported-proposal"));
    }

    @Test
    void import_cannot_assign_a_suggestion_handed_in_to_the_ledger() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(), null), IMPORT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "import-requires-imported-proposal"));
    }

    @Test
    void the_office_may_assign_an_imported_suggestion_with_dates() {
        fixture.given(importedSubmission(), importedRegistration())
                .when(new AssignProposal(ID, COMMERCE, List.of(), null), OFFICE)
                .expectEvents(new ProposalAssigned(ID, SESSION, COMMERCE, List.of(), TODAY, TODAY.plusMonths(3)),
                        new HandlingTermsSet(ID, SESSION, COMMERCE, TODAY.plusMonths(3), TODAY.plusDays(9), List.of(),
                                TODAY.plusMonths(1), 5));
    }

    @Test
    void import_replying_twice_is_refused() {
        fixture.given(importedAssignment()).andGiven(importedReply())
                .when(new ReplyToProposal(ID, ReplyClass.NOT_STATED, TEXT, UNIT_NAME), IMPORT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-replied"));
    }

    @Test
    void import_cannot_take_steps_only_the_office_takes() {
        fixture.given(importedAssignment()).andGiven(importedReply())
                .when(new org.proposalledger.api.proposal.CloseProposal(ID, "决定办结"), IMPORT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    // ---- steps reckoned from the assignment date are refused on an undated one -----------

    @Test
    void an_undated_assignment_cannot_be_returned() {
        fixture.given(importedAssignment())
                .when(new ReturnAssignment(ID, "不属于本单位职责"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "assignment-date-not-stated"));
    }

    @Test
    void an_undated_assignment_cannot_be_extended() {
        fixture.given(importedAssignment())
                .when(new ExtendDeadline(ID, TODAY.plusMonths(1), "市人大常委会办公厅"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "assignment-date-not-stated"));
    }

    @Test
    void an_undated_assignment_is_never_overdue() {
        fixture.given(importedAssignment())
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-overdue"));
    }
}
