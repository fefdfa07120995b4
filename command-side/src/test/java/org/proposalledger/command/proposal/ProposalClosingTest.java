package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.CloseProposal;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.proposal.ProposalRejected;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.WithdrawProposal;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** The two ways out: closing by the office and withdrawal by a proposer. */
class ProposalClosingTest extends ProposalTestSupport {

    private static final String DECISION = "经主任会议研究，予以办结";

    // ---- close -----------------------------------------------------------------------------------

    @Test
    void office_closes_after_a_satisfied_rating() {
        fixture.given(repliedProposal(ReplyClass.A))
                .andGiven(rated(Rating.SATISFIED))
                .when(new CloseProposal(ID, null), OFFICE)
                .expectEvents(new ProposalClosed(ID, null));
    }

    @Test
    void office_closes_after_a_basically_satisfied_rating() {
        fixture.given(repliedProposal(ReplyClass.A))
                .andGiven(rated(Rating.BASICALLY_SATISFIED))
                .when(new CloseProposal(ID, " "), OFFICE)
                .expectEvents(new ProposalClosed(ID, null));
    }

    @Test
    void closing_an_unrated_reply_needs_a_decision() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new CloseProposal(ID, null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "decision-required"));
    }

    @Test
    void office_closes_an_unrated_reply_by_decision() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new CloseProposal(ID, DECISION), OFFICE)
                .expectEvents(new ProposalClosed(ID, DECISION));
    }

    @Test
    void closing_during_rehandling_needs_a_decision() {
        fixture.given(repliedProposal(ReplyClass.D))
                .andGiven(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1), rehandlingOrdered())
                .when(new CloseProposal(ID, null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "decision-required"));
    }

    @Test
    void a_satisfied_earlier_round_does_not_close_a_later_unrated_one() {
        fixture.given(repliedProposal(ReplyClass.B))
                .andGiven(rated(Rating.SATISFIED), new RehandlingOrdered(
                        ID, COMMERCE, TODAY.plusMonths(1), "督办要求重新办理", 2), replied(ReplyClass.A, 2))
                .when(new CloseProposal(ID, null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "decision-required"));
    }

    @Test
    void closing_a_submitted_proposal_needs_a_decision() {
        fixture.given(submitted())
                .when(new CloseProposal(ID, null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "decision-required"));
    }

    @Test
    void office_closes_a_registered_proposal_by_decision() {
        fixture.given(submitted(), registered())
                .when(new CloseProposal(ID, DECISION), OFFICE)
                .expectEvents(new ProposalClosed(ID, DECISION));
    }

    @Test
    void closing_twice_is_refused() {
        fixture.given(submitted(), registered(), new ProposalClosed(ID, DECISION))
                .when(new CloseProposal(ID, DECISION), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void unit_cannot_close() {
        fixture.given(repliedProposal(ReplyClass.A))
                .andGiven(rated(Rating.SATISFIED))
                .when(new CloseProposal(ID, null), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    // ---- withdraw --------------------------------------------------------------------------------

    @Test
    void proposer_withdraws_a_submitted_proposal() {
        fixture.given(submitted())
                .when(new WithdrawProposal(ID, "问题已解决"), PROPOSER)
                .expectEvents(new ProposalWithdrawn(ID, ZHU, "问题已解决"));
    }

    @Test
    void co_proposer_withdraws_an_assigned_proposal_before_the_reply() {
        fixture.given(assignedProposal())
                .when(new WithdrawProposal(ID, "问题已解决"), CO_PROPOSER)
                .expectEvents(new ProposalWithdrawn(ID, GAO, "问题已解决"));
    }

    @Test
    void withdrawal_after_the_reply_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new WithdrawProposal(ID, "不再需要"), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "withdrawal-after-reply"));
    }

    @Test
    void deputy_who_did_not_propose_cannot_withdraw() {
        fixture.given(submitted())
                .when(new WithdrawProposal(ID, "不再需要"), OTHER_DEPUTY)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "proposer-only"));
    }

    @Test
    void office_cannot_withdraw_for_a_deputy() {
        fixture.given(submitted())
                .when(new WithdrawProposal(ID, "不再需要"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "proposer-only"));
    }

    @Test
    void withdrawing_a_rejected_proposal_is_refused() {
        fixture.given(submitted(), new ProposalRejected(ID, "不予受理"))
                .when(new WithdrawProposal(ID, "不再需要"), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void withdrawal_needs_a_reason() {
        fixture.given(submitted())
                .when(new WithdrawProposal(ID, null), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(INVALID, "reason-required"));
    }
}
