package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalReassigned;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ReassignProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.security.Actor;

import java.time.LocalDate;
import java.util.List;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** Returning a wrong assignment within 7 working days, and assigning it anew. */
class ProposalReturnTest extends ProposalTestSupport {

    private static final String REASON = "不属于本单位职责";

    @Test
    void lead_unit_returns_an_assignment_within_seven_working_days() {
        fixture.given(assignedProposal())
                .when(new ReturnAssignment(ID, REASON), LEAD_UNIT)
                .expectEvents(new AssignmentReturned(ID, COMMERCE, REASON));
    }

    @Test
    void lead_unit_returns_an_assignment_on_the_seventh_working_day() {
        // Thu 29 Feb + 7 working days (skipping the weekend) = Mon 11 Mar, which is today
        LocalDate thursday = LocalDate.of(2024, 2, 29);
        fixture.given(assignedProposal(thursday, thursday.plusMonths(3)))
                .when(new ReturnAssignment(ID, REASON), LEAD_UNIT)
                .expectEvents(new AssignmentReturned(ID, COMMERCE, REASON));
    }

    @Test
    void return_after_seven_working_days_is_refused() {
        // Wed 28 Feb + 7 working days = Fri 8 Mar; today is the Monday after
        LocalDate wednesday = LocalDate.of(2024, 2, 28);
        fixture.given(assignedProposal(wednesday, wednesday.plusMonths(3)))
                .when(new ReturnAssignment(ID, REASON), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "return-window-passed"));
    }

    @Test
    void co_unit_cannot_return_an_assignment() {
        fixture.given(assignedProposal())
                .when(new ReturnAssignment(ID, REASON), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void office_cannot_return_an_assignment() {
        fixture.given(assignedProposal())
                .when(new ReturnAssignment(ID, REASON), OFFICE)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void returning_after_a_reply_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new ReturnAssignment(ID, REASON), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "return-after-reply"));
    }

    @Test
    void returning_an_unassigned_proposal_is_refused() {
        fixture.given(submitted(), registered())
                .when(new ReturnAssignment(ID, REASON), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "return-requires-assignment"));
    }

    @Test
    void returning_twice_is_refused() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new ReturnAssignment(ID, REASON), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "return-requires-assignment"));
    }

    @Test
    void returning_needs_a_reason() {
        fixture.given(assignedProposal())
                .when(new ReturnAssignment(ID, " "), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "reason-required"));
    }

    @Test
    void office_reassigns_a_returned_proposal_with_a_fresh_due_date() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new ReassignProposal(ID, HOUSING, List.of(EDUCATION)), OFFICE)
                .expectEvents(new ProposalReassigned(ID, SESSION, HOUSING, List.of(EDUCATION), TODAY,
                        TODAY.plusMonths(3)),
                        new HandlingTermsSet(ID, SESSION, HOUSING, TODAY.plusMonths(3), TODAY.plusDays(9),
                                List.of(EDUCATION), TODAY.plusMonths(1), 5));
    }

    @Test
    void reassigning_without_a_return_is_refused() {
        fixture.given(assignedProposal())
                .when(new ReassignProposal(ID, HOUSING, List.of()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "reassignment-requires-return"));
    }

    @Test
    void the_returning_unit_cannot_be_the_new_lead() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new ReassignProposal(ID, COMMERCE, List.of()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "returning-unit-cannot-lead"));
    }

    @Test
    void reassignment_to_an_unknown_unit_is_refused() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new ReassignProposal(ID, UnitId.of("no-such-unit"), List.of()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "unknown-unit"));
    }

    @Test
    void unit_cannot_reassign() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new ReassignProposal(ID, HOUSING, List.of()), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void the_unit_that_returned_it_can_no_longer_reply() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new ReplyToProposal(ID, ReplyClass.A, "已办结", "李局长"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "reply-requires-assignment"));
    }

    @Test
    void the_new_lead_unit_replies_against_the_new_due_date() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead(),
                        new ProposalReassigned(ID, SESSION, HOUSING, List.of(), TODAY, TODAY.plusMonths(3)))
                .when(new ReplyToProposal(ID, ReplyClass.A, "已办结", "赵局长"),
                        Actor.unit("unit-housing", "housing").toMetaData())
                .expectEvents(new ProposalReplied(ID, HOUSING, ReplyClass.A, "已办结", "赵局长", TODAY,
                        TODAY.plusMonths(3), false, 1));
    }
}
