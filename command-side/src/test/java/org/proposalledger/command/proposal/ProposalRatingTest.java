package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.OrderRehandling;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** Rating a reply, and the re-handling an unsatisfied rating (or the office) sets off. */
class ProposalRatingTest extends ProposalTestSupport {

    @Test
    void proposer_rates_the_reply_satisfied() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new RateReply(ID, Rating.SATISFIED, "办理认真"), PROPOSER)
                .expectEvents(new ProposalRated(ID, ZHU, Rating.SATISFIED, "办理认真", 1));
    }

    @Test
    void any_proposer_may_rate() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new RateReply(ID, Rating.BASICALLY_SATISFIED, null), CO_PROPOSER)
                .expectEvents(new ProposalRated(ID, GAO, Rating.BASICALLY_SATISFIED, null, 1));
    }

    @Test
    void unsatisfied_rating_orders_rehandling_due_in_a_month() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new RateReply(ID, Rating.UNSATISFIED, "答复敷衍"), PROPOSER)
                .expectEvents(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, "答复敷衍", 1),
                        new RehandlingOrdered(ID, COMMERCE, TODAY.plusMonths(1), "不满意，重新办理", 2));
    }

    @Test
    void proposer_rates_the_second_round_reply() {
        fixture.given(repliedProposal(ReplyClass.D))
                .andGiven(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1), rehandlingOrdered(),
                        replied(ReplyClass.A, 2))
                .when(new RateReply(ID, Rating.SATISFIED, null), PROPOSER)
                .expectEvents(new ProposalRated(ID, ZHU, Rating.SATISFIED, null, 2));
    }

    @Test
    void rating_before_a_reply_is_refused() {
        fixture.given(assignedProposal())
                .when(new RateReply(ID, Rating.SATISFIED, null), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "rating-requires-reply"));
    }

    @Test
    void rating_during_rehandling_is_refused() {
        fixture.given(repliedProposal(ReplyClass.D))
                .andGiven(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1), rehandlingOrdered())
                .when(new RateReply(ID, Rating.SATISFIED, null), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "rating-requires-reply"));
    }

    @Test
    void rating_twice_in_a_round_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .andGiven(rated(Rating.SATISFIED))
                .when(new RateReply(ID, Rating.BASICALLY_SATISFIED, null), CO_PROPOSER)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-rated"));
    }

    @Test
    void deputy_who_did_not_propose_cannot_rate() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new RateReply(ID, Rating.SATISFIED, null), OTHER_DEPUTY)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "proposer-only"));
    }

    @Test
    void office_cannot_rate() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new RateReply(ID, Rating.SATISFIED, null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "proposer-only"));
    }

    @Test
    void rating_needs_a_verdict() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new RateReply(ID, null, "无"), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(INVALID, "rating-required"));
    }

    @Test
    void office_orders_rehandling_of_a_replied_proposal() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new OrderRehandling(ID, null, "答复未回应核心诉求"), OFFICE)
                .expectEvents(new RehandlingOrdered(ID, COMMERCE, TODAY.plusMonths(1), "答复未回应核心诉求", 2));
    }

    @Test
    void office_orders_rehandling_with_its_own_due_date() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new OrderRehandling(ID, TODAY.plusDays(20), "答复未回应核心诉求"), OFFICE)
                .expectEvents(new RehandlingOrdered(ID, COMMERCE, TODAY.plusDays(20), "答复未回应核心诉求", 2));
    }

    @Test
    void rehandling_an_unreplied_proposal_is_refused() {
        fixture.given(assignedProposal())
                .when(new OrderRehandling(ID, null, "重新办理"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "rehandling-requires-reply"));
    }

    @Test
    void rehandling_due_date_must_be_after_today() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new OrderRehandling(ID, TODAY, "重新办理"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "due-date-not-in-future"));
    }

    @Test
    void rehandling_needs_a_reason() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new OrderRehandling(ID, null, " "), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "reason-required"));
    }

    @Test
    void deputy_cannot_order_rehandling_directly() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new OrderRehandling(ID, null, "重新办理"), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void round_two_reply_counts_from_the_rehandling_due_date() {
        // the late flag of a re-handled reply is judged against the re-handling due date
        fixture.given(repliedProposal(ReplyClass.D))
                .andGiven(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1),
                        new RehandlingOrdered(ID, COMMERCE, TODAY.minusDays(1), "重新办理", 2))
                .when(new ReplyToProposal(ID, ReplyClass.B, "正在推进", "李局长"),
                        LEAD_UNIT)
                .expectEvents(new ProposalReplied(ID, COMMERCE, ReplyClass.B, "正在推进", "李局长", TODAY,
                        TODAY.minusDays(1), true, 2));
    }
}
