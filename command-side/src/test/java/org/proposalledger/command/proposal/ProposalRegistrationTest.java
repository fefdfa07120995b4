package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.DesignateKeyProposal;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ProposalDesignatedKey;
import org.proposalledger.api.proposal.ProposalRejected;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.RejectProposal;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

class ProposalRegistrationTest extends ProposalTestSupport {

    @Test
    void office_registers_a_submitted_proposal() {
        fixture.given(submitted())
                .when(new RegisterProposal(ID, "第001号"), OFFICE)
                .expectEvents(registered());
    }

    @Test
    void office_rejects_a_submitted_proposal() {
        fixture.given(submitted())
                .when(new RejectProposal(ID, "属于批评意见，不作为建议办理"), OFFICE)
                .expectEvents(new ProposalRejected(ID, "属于批评意见，不作为建议办理"));
    }

    @Test
    void unit_cannot_register() {
        fixture.given(submitted())
                .when(new RegisterProposal(ID, "第001号"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void deputy_cannot_reject() {
        fixture.given(submitted())
                .when(new RejectProposal(ID, "不予受理"), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void registering_twice_is_refused() {
        fixture.given(submitted(), registered())
                .when(new RegisterProposal(ID, "第002号"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-registered"));
    }

    @Test
    void rejecting_a_registered_proposal_is_refused() {
        fixture.given(submitted(), registered())
                .when(new RejectProposal(ID, "重复提交"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-registered"));
    }

    @Test
    void registering_a_rejected_proposal_is_refused() {
        fixture.given(submitted(), new ProposalRejected(ID, "不予受理"))
                .when(new RegisterProposal(ID, "第001号"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void registration_needs_a_number() {
        fixture.given(submitted())
                .when(new RegisterProposal(ID, " "), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "number-required"));
    }

    @Test
    void rejection_needs_a_reason() {
        fixture.given(submitted())
                .when(new RejectProposal(ID, null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "reason-required"));
    }

    @Test
    void office_designates_a_registered_proposal_as_key() {
        fixture.given(submitted(), registered())
                .when(new DesignateKeyProposal(ID, "王副主任"), OFFICE)
                .expectEvents(new ProposalDesignatedKey(ID, "王副主任"));
    }

    @Test
    void office_designates_an_assigned_proposal_as_key() {
        fixture.given(assignedProposal())
                .when(new DesignateKeyProposal(ID, "王副主任"), OFFICE)
                .expectEvents(new ProposalDesignatedKey(ID, "王副主任"));
    }

    @Test
    void designation_before_registration_is_refused() {
        fixture.given(submitted())
                .when(new DesignateKeyProposal(ID, "王副主任"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "key-requires-registration"));
    }

    @Test
    void designating_twice_is_refused() {
        fixture.given(submitted(), registered(), new ProposalDesignatedKey(ID, "王副主任"))
                .when(new DesignateKeyProposal(ID, "李副主任"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-key"));
    }

    @Test
    void designating_a_closed_proposal_is_refused() {
        fixture.given(submitted(), registered(), new ProposalClosed(ID, "已并案办理"))
                .when(new DesignateKeyProposal(ID, "王副主任"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void unit_cannot_designate() {
        fixture.given(submitted(), registered())
                .when(new DesignateKeyProposal(ID, "王副主任"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void designation_needs_a_supervising_leader() {
        fixture.given(submitted(), registered())
                .when(new DesignateKeyProposal(ID, ""), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "supervising-leader-required"));
    }
}
