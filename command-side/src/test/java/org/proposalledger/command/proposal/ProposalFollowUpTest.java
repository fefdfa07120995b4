package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.FollowUpReported;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReportFollowUp;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** B ("being solved") and C ("planned") replies are followed up until solved. */
class ProposalFollowUpTest extends ProposalTestSupport {

    private static final String PROGRESS = "一期工程已开工。";

    @Test
    void lead_unit_reports_follow_up_on_a_b_reply() {
        fixture.given(repliedProposal(ReplyClass.B))
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectEvents(new FollowUpReported(ID, COMMERCE, PROGRESS));
    }

    @Test
    void lead_unit_reports_follow_up_on_a_c_reply() {
        fixture.given(repliedProposal(ReplyClass.C))
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectEvents(new FollowUpReported(ID, COMMERCE, PROGRESS));
    }

    @Test
    void follow_up_may_repeat() {
        fixture.given(repliedProposal(ReplyClass.C))
                .andGiven(new FollowUpReported(ID, COMMERCE, "已完成规划设计。"))
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectEvents(new FollowUpReported(ID, COMMERCE, PROGRESS));
    }

    @Test
    void follow_up_on_an_a_reply_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "follow-up-not-needed"));
    }

    @Test
    void follow_up_on_a_d_reply_is_refused() {
        fixture.given(repliedProposal(ReplyClass.D))
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "follow-up-not-needed"));
    }

    @Test
    void follow_up_before_any_reply_is_refused() {
        fixture.given(assignedProposal())
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "follow-up-requires-reply"));
    }

    @Test
    void co_unit_cannot_report_follow_up() {
        fixture.given(repliedProposal(ReplyClass.B))
                .when(new ReportFollowUp(ID, PROGRESS), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void follow_up_on_a_closed_proposal_is_refused() {
        fixture.given(repliedProposal(ReplyClass.B))
                .andGiven(new ProposalClosed(ID, "转入常规督办"))
                .when(new ReportFollowUp(ID, PROGRESS), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void follow_up_needs_text() {
        fixture.given(repliedProposal(ReplyClass.B))
                .when(new ReportFollowUp(ID, ""), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "text-required"));
    }
}
