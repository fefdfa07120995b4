package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.reference.UnitId;

import java.util.List;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

class ProposalAssignmentTest extends ProposalTestSupport {

    private static AssignProposal assign() {
        return new AssignProposal(ID, COMMERCE, List.of(EDUCATION, HOUSING), null);
    }

    @Test
    void office_assigns_a_registered_proposal_due_in_three_months() {
        fixture.given(submitted(), registered())
                .when(assign(), OFFICE)
                .expectEvents(new ProposalAssigned(ID, SESSION, COMMERCE, List.of(EDUCATION, HOUSING),
                        TODAY, TODAY.plusMonths(3)),
                        // Monday + 7 working days = Wednesday of the next week; opinions one month out
                        new HandlingTermsSet(ID, SESSION, COMMERCE, TODAY.plusMonths(3), TODAY.plusDays(9),
                                List.of(EDUCATION, HOUSING), TODAY.plusMonths(1), 5));
    }

    @Test
    void office_assigns_with_an_earlier_due_date() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(), TODAY.plusMonths(2)), OFFICE)
                .expectEvents(new ProposalAssigned(ID, SESSION, COMMERCE, List.of(), TODAY, TODAY.plusMonths(2)),
                        new HandlingTermsSet(ID, SESSION, COMMERCE, TODAY.plusMonths(2), TODAY.plusDays(9), List.of(),
                                TODAY.plusMonths(1), 5));
    }

    @Test
    void office_may_set_the_due_date_up_to_six_months_out() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(), TODAY.plusMonths(6)), OFFICE)
                .expectEvents(new ProposalAssigned(ID, SESSION, COMMERCE, List.of(), TODAY, TODAY.plusMonths(6)),
                        new HandlingTermsSet(ID, SESSION, COMMERCE, TODAY.plusMonths(6), TODAY.plusDays(9), List.of(),
                                TODAY.plusMonths(1), 5));
    }

    @Test
    void assignment_before_registration_is_refused() {
        fixture.given(submitted())
                .when(assign(), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "assignment-requires-registration"));
    }

    @Test
    void assigning_twice_is_refused() {
        fixture.given(assignedProposal())
                .when(assign(), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-assigned"));
    }

    @Test
    void a_returned_proposal_is_reassigned_not_assigned() {
        fixture.given(submitted(), registered(), assigned(), returnedByLead())
                .when(new AssignProposal(ID, HOUSING, List.of(), null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "reassignment-required"));
    }

    @Test
    void assigning_a_withdrawn_proposal_is_refused() {
        fixture.given(submitted(), registered(), new ProposalWithdrawn(ID, ZHU, "问题已解决"))
                .when(assign(), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "proposal-closed"));
    }

    @Test
    void unit_cannot_assign() {
        fixture.given(submitted(), registered())
                .when(assign(), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void lead_unit_is_required() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, null, List.of(EDUCATION), null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "lead-unit-required"));
    }

    @Test
    void lead_unit_must_exist() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, UnitId.of("no-such-unit"), List.of(), null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "unknown-unit"));
    }

    @Test
    void co_units_must_exist() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(EDUCATION, UnitId.of("no-such-unit")), null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "unknown-unit"));
    }

    @Test
    void co_units_must_be_distinct() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(EDUCATION, EDUCATION), null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "duplicate-co-units"));
    }

    @Test
    void lead_unit_cannot_also_be_a_co_unit() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(COMMERCE), null), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "lead-unit-among-co-units"));
    }

    @Test
    void explicit_due_date_must_be_after_today() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(), TODAY), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "due-date-not-in-future"));
    }

    @Test
    void explicit_due_date_beyond_six_months_is_refused() {
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(), TODAY.plusMonths(6).plusDays(1)), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "due-date-beyond-limit"));
    }
}
