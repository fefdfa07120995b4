package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;

import java.time.LocalDate;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

class ProposalReplyTest extends ProposalTestSupport {

    private static final String TEXT = "已将老旧小区改造列入2024年计划。";
    private static final String SIGNER = "李局长";

    private static ReplyToProposal reply() {
        return new ReplyToProposal(ID, ReplyClass.C, TEXT, SIGNER);
    }

    @Test
    void lead_unit_replies_to_an_assigned_proposal() {
        fixture.given(assignedProposal())
                .when(reply(), LEAD_UNIT)
                .expectEvents(new ProposalReplied(ID, COMMERCE, ReplyClass.C, TEXT, SIGNER, TODAY, DUE_ON, false, 1));
    }

    @Test
    void reply_on_the_due_date_is_on_time() {
        fixture.given(submitted(), registered(), assigned(TODAY.minusMonths(3), TODAY))
                .when(reply(), LEAD_UNIT)
                .expectEvents(new ProposalReplied(ID, COMMERCE, ReplyClass.C, TEXT, SIGNER, TODAY, TODAY, false, 1));
    }

    @Test
    void reply_after_the_due_date_is_late() {
        LocalDate due = TODAY.minusDays(1);
        fixture.given(submitted(), registered(), assigned(due.minusMonths(3), due))
                .when(reply(), LEAD_UNIT)
                .expectEvents(new ProposalReplied(ID, COMMERCE, ReplyClass.C, TEXT, SIGNER, TODAY, due, true, 1));
    }

    @Test
    void lead_unit_replies_again_after_rehandling_in_round_two() {
        fixture.given(repliedProposal(ReplyClass.C))
                .andGiven(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1), rehandlingOrdered())
                .when(new ReplyToProposal(ID, ReplyClass.A, "已完成改造。", SIGNER), LEAD_UNIT)
                .expectEvents(new ProposalReplied(ID, COMMERCE, ReplyClass.A, "已完成改造。", SIGNER, TODAY,
                        TODAY.plusMonths(1), false, 2));
    }

    @Test
    void co_unit_cannot_reply() {
        fixture.given(assignedProposal())
                .when(reply(), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void unrelated_unit_cannot_reply() {
        fixture.given(assignedProposal())
                .when(reply(), OTHER_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void office_cannot_reply() {
        fixture.given(assignedProposal())
                .when(reply(), OFFICE)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void replying_twice_in_a_round_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(reply(), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-replied"));
    }

    @Test
    void reply_before_assignment_is_refused() {
        fixture.given(submitted(), registered())
                .when(reply(), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "reply-requires-assignment"));
    }

    @Test
    void reply_to_a_withdrawn_proposal_is_refused() {
        fixture.given(assignedProposal())
                .andGiven(new ProposalWithdrawn(ID, ZHU, "问题已解决"))
                .when(reply(), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void reply_needs_a_classification() {
        fixture.given(assignedProposal())
                .when(new ReplyToProposal(ID, null, TEXT, SIGNER), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "classification-required"));
    }

    @Test
    void reply_needs_text() {
        fixture.given(assignedProposal())
                .when(new ReplyToProposal(ID, ReplyClass.A, " ", SIGNER), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "text-required"));
    }

    @Test
    void reply_needs_a_signer() {
        fixture.given(assignedProposal())
                .when(new ReplyToProposal(ID, ReplyClass.A, TEXT, null), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "signer-required"));
    }
}
