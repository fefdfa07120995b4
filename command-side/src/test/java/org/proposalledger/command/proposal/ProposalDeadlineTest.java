package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.DeadlineExtended;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyOverdue;

import java.time.LocalDate;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** Extending the reply date (at most 6 months from assignment) and marking a missed one overdue. */
class ProposalDeadlineTest extends ProposalTestSupport {

    /** Assigned 1 Nov 2023, due 1 Feb 2024: overdue by today. */
    private static final LocalDate LONG_AGO = LocalDate.of(2023, 11, 1);
    private static final LocalDate PASSED_DUE = LocalDate.of(2024, 2, 1);

    @Test
    void office_extends_the_deadline_within_six_months_of_assignment() {
        LocalDate newDue = ASSIGNED_ON.plusMonths(6);
        fixture.given(assignedProposal())
                .when(new ExtendDeadline(ID, newDue, "市人大常委会办公厅"), OFFICE)
                .expectEvents(new DeadlineExtended(ID, DUE_ON, newDue, "市人大常委会办公厅"));
    }

    @Test
    void extension_beyond_six_months_of_assignment_is_refused() {
        fixture.given(assignedProposal())
                .when(new ExtendDeadline(ID, ASSIGNED_ON.plusMonths(6).plusDays(1), "市人大常委会办公厅"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "extension-beyond-limit"));
    }

    @Test
    void extension_must_move_the_due_date_later() {
        fixture.given(assignedProposal())
                .when(new ExtendDeadline(ID, DUE_ON, "市人大常委会办公厅"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "extension-not-later"));
    }

    @Test
    void extension_needs_an_approver() {
        fixture.given(assignedProposal())
                .when(new ExtendDeadline(ID, DUE_ON.plusMonths(1), " "), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "approval-required"));
    }

    @Test
    void extension_needs_a_new_date() {
        fixture.given(assignedProposal())
                .when(new ExtendDeadline(ID, null, "市人大常委会办公厅"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "new-due-date-required"));
    }

    @Test
    void unit_cannot_extend_its_own_deadline() {
        fixture.given(assignedProposal())
                .when(new ExtendDeadline(ID, DUE_ON.plusMonths(1), "李局长"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void extension_after_the_reply_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new ExtendDeadline(ID, DUE_ON.plusMonths(1), "市人大常委会办公厅"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "extension-requires-pending-reply"));
    }

    @Test
    void extension_before_assignment_is_refused() {
        fixture.given(submitted(), registered())
                .when(new ExtendDeadline(ID, DUE_ON, "市人大常委会办公厅"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "extension-requires-pending-reply"));
    }

    @Test
    void office_extends_a_rehandling_deadline() {
        LocalDate rehandlingDue = TODAY.plusMonths(1);
        fixture.given(repliedProposal(ReplyClass.C))
                .andGiven(new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1), rehandlingOrdered())
                .when(new ExtendDeadline(ID, rehandlingDue.plusDays(10), "市人大常委会办公厅"), OFFICE)
                .expectEvents(new DeadlineExtended(ID, rehandlingDue, rehandlingDue.plusDays(10), "市人大常委会办公厅"));
    }

    @Test
    void system_records_an_overdue_reply() {
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectEvents(new ReplyOverdue(ID, COMMERCE, PASSED_DUE, 1));
    }

    @Test
    void office_records_an_overdue_reply() {
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE))
                .when(new RecordReplyOverdue(ID), OFFICE)
                .expectEvents(new ReplyOverdue(ID, COMMERCE, PASSED_DUE, 1));
    }

    @Test
    void overdue_is_recorded_once_per_due_date() {
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE),
                        new ReplyOverdue(ID, COMMERCE, PASSED_DUE, 1))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-overdue"));
    }

    @Test
    void a_reply_due_today_is_not_overdue() {
        fixture.given(submitted(), registered(), assigned(TODAY.minusMonths(3), TODAY))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-overdue"));
    }

    @Test
    void a_replied_proposal_is_not_overdue() {
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE), replied(ReplyClass.A))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-overdue"));
    }

    @Test
    void unit_cannot_record_overdue() {
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE))
                .when(new RecordReplyOverdue(ID), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "system-or-office-only"));
    }

    @Test
    void an_extension_into_the_future_lifts_the_overdue_mark() {
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE),
                        new ReplyOverdue(ID, COMMERCE, PASSED_DUE, 1),
                        new DeadlineExtended(ID, PASSED_DUE, LONG_AGO.plusMonths(6), "市人大常委会办公厅"))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-overdue"));
    }

    @Test
    void an_extension_that_has_also_passed_is_marked_overdue_again() {
        LocalDate extendedDue = PASSED_DUE.plusDays(14);
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE),
                        new ReplyOverdue(ID, COMMERCE, PASSED_DUE, 1),
                        new DeadlineExtended(ID, PASSED_DUE, extendedDue, "市人大常委会办公厅"))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectEvents(new ReplyOverdue(ID, COMMERCE, extendedDue, 1));
    }

    @Test
    void a_missed_rehandling_deadline_is_overdue_in_its_round() {
        LocalDate rehandlingDue = LocalDate.of(2024, 3, 1);
        fixture.given(submitted(), registered(), assigned(LONG_AGO, PASSED_DUE), replied(ReplyClass.C),
                        new ProposalRated(ID, ZHU, Rating.UNSATISFIED, null, 1),
                        new RehandlingOrdered(ID, COMMERCE, rehandlingDue, "重新办理", 2))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectEvents(new ReplyOverdue(ID, COMMERCE, rehandlingDue, 2));
    }
}
