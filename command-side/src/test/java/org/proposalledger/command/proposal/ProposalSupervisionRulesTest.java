package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.CoUnitOpinionGiven;
import org.proposalledger.api.proposal.CoUnitOpinionOverdue;
import org.proposalledger.api.proposal.DeadlineExtended;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.RecordCoUnitOpinionOverdue;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.RemindReplyDue;
import org.proposalledger.api.proposal.ReplyDueSoon;
import org.proposalledger.api.proposal.ReplyOverdue;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.reference.DeadlineRuleSet;
import org.proposalledger.command.deadline.DeadlineRules;
import org.proposalledger.api.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.List;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.command.Rejections.rejected;

/**
 * Session rules, the return window captured at assignment, due-soon reminders and overdue
 * co-unit opinions: one test per rule and rejection. Today is Monday 2024-03-11.
 */
class ProposalSupervisionRulesTest extends ProposalTestSupport {

    static HandlingTermsSet terms(LocalDate assignedOn, LocalDate due, LocalDate returnEnds, LocalDate coDue, int remind) {
        return new HandlingTermsSet(ID, SESSION, COMMERCE, due, returnEnds, List.of(EDUCATION), coDue, remind);
    }

    // ---- session rules -----------------------------------------------------------------------

    @Test
    void assignment_uses_the_sessions_rules() {
        DeadlineRuleSet custom = new DeadlineRuleSet(2, 4, 3, 1, 1, 2);
        createFixture(new DeadlineRules(WorkingDays.weekdays(), custom));
        fixture.given(submitted(), registered())
                .when(new AssignProposal(ID, COMMERCE, List.of(EDUCATION), null), OFFICE)
                .expectEvents(new ProposalAssigned(ID, SESSION, COMMERCE, List.of(EDUCATION), TODAY, TODAY.plusMonths(2)),
                        new HandlingTermsSet(ID, SESSION, COMMERCE, TODAY.plusMonths(2), LocalDate.of(2024, 3, 14),
                                List.of(EDUCATION), TODAY.plusMonths(1), 2));
    }

    @Test
    void extension_limit_follows_the_sessions_rules() {
        DeadlineRuleSet custom = new DeadlineRuleSet(2, 4, 3, 1, 1, 2);
        createFixture(new DeadlineRules(WorkingDays.weekdays(), custom));
        fixture.given(submitted(), registered(), assigned())
                .when(new ExtendDeadline(ID, ASSIGNED_ON.plusMonths(5), "张主任"), OFFICE)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "extension-beyond-limit"));
    }

    // ---- return window from the captured terms (a holiday inside the window) ----------------

    @Test
    void return_on_the_last_day_of_the_captured_window_is_accepted() {
        LocalDate lastDay = TODAY;
        fixture.given(submitted(), registered(), assigned(),
                        terms(ASSIGNED_ON, DUE_ON, lastDay, ASSIGNED_ON.plusMonths(1), 5))
                .when(new ReturnAssignment(ID, "不属于本单位职责"), LEAD_UNIT)
                .expectEvents(new AssignmentReturned(ID, COMMERCE, "不属于本单位职责"));
    }

    @Test
    void return_after_the_captured_window_is_refused_with_the_last_day() {
        LocalDate lastDay = TODAY.minusDays(1);
        fixture.given(submitted(), registered(), assigned(),
                        terms(ASSIGNED_ON, DUE_ON, lastDay, ASSIGNED_ON.plusMonths(1), 5))
                .when(new ReturnAssignment(ID, "不属于本单位职责"), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "return-window-passed"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2024-03-10"));
    }

    // ---- due-soon reminder --------------------------------------------------------------------

    /** Due Friday 2024-03-15; 5 working days before is Friday 2024-03-08, so today (Monday) is inside. */
    static final LocalDate DUE_THIS_WEEK = LocalDate.of(2024, 3, 15);

    @Test
    void system_reminds_the_lead_unit_within_the_lead_time() {
        fixture.given(submitted(), registered(), assigned(ASSIGNED_ON, DUE_THIS_WEEK),
                        terms(ASSIGNED_ON, DUE_THIS_WEEK, TODAY, ASSIGNED_ON.plusMonths(1), 5))
                .when(new RemindReplyDue(ID), SYSTEM)
                .expectEvents(new ReplyDueSoon(ID, COMMERCE, DUE_THIS_WEEK, 1));
    }

    @Test
    void reminder_is_given_once_per_due_date() {
        fixture.given(submitted(), registered(), assigned(ASSIGNED_ON, DUE_THIS_WEEK),
                        terms(ASSIGNED_ON, DUE_THIS_WEEK, TODAY, ASSIGNED_ON.plusMonths(1), 5),
                        new ReplyDueSoon(ID, COMMERCE, DUE_THIS_WEEK, 1))
                .when(new RemindReplyDue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-reminded"));
    }

    @Test
    void an_extended_due_date_gets_its_own_reminder() {
        LocalDate extended = LocalDate.of(2024, 3, 13);
        fixture.given(submitted(), registered(), assigned(ASSIGNED_ON, LocalDate.of(2024, 3, 12)),
                        terms(ASSIGNED_ON, LocalDate.of(2024, 3, 12), TODAY, ASSIGNED_ON.plusMonths(1), 5),
                        new ReplyDueSoon(ID, COMMERCE, LocalDate.of(2024, 3, 12), 1),
                        new DeadlineExtended(ID, LocalDate.of(2024, 3, 12), extended, "张主任"))
                .when(new RemindReplyDue(ID), SYSTEM)
                .expectEvents(new ReplyDueSoon(ID, COMMERCE, extended, 1));
    }

    @Test
    void reminder_before_the_lead_time_is_refused() {
        fixture.given(submitted(), registered(), assigned(),
                        terms(ASSIGNED_ON, DUE_ON, TODAY, ASSIGNED_ON.plusMonths(1), 5))
                .when(new RemindReplyDue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-due-soon"));
    }

    @Test
    void reminder_after_the_due_date_is_refused() {
        fixture.given(submitted(), registered(), assigned(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 1)))
                .when(new RemindReplyDue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "reminder-too-late"));
    }

    @Test
    void reminder_without_a_pending_reply_is_refused() {
        fixture.given(repliedProposal(org.proposalledger.api.proposal.ReplyClass.A))
                .when(new RemindReplyDue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "no-reply-awaited"));
    }

    @Test
    void only_the_ledger_or_office_reminds() {
        fixture.given(assignedProposal())
                .when(new RemindReplyDue(ID), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "system-or-office-only"));
    }

    // ---- overdue co-unit opinion --------------------------------------------------------------

    static final LocalDate CO_DUE_PASSED = LocalDate.of(2024, 3, 8);

    @Test
    void system_records_an_overdue_co_unit_opinion() {
        fixture.given(submitted(), registered(), assigned(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 5, 8)),
                        terms(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 5, 8), LocalDate.of(2024, 2, 19),
                                CO_DUE_PASSED, 5))
                .when(new RecordCoUnitOpinionOverdue(ID, EDUCATION), SYSTEM)
                .expectEvents(new CoUnitOpinionOverdue(ID, EDUCATION, CO_DUE_PASSED));
    }

    @Test
    void co_unit_opinion_overdue_is_recorded_once() {
        fixture.given(submitted(), registered(), assigned(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 5, 8)),
                        terms(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 5, 8), LocalDate.of(2024, 2, 19),
                                CO_DUE_PASSED, 5),
                        new CoUnitOpinionOverdue(ID, EDUCATION, CO_DUE_PASSED))
                .when(new RecordCoUnitOpinionOverdue(ID, EDUCATION), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "already-overdue"));
    }

    @Test
    void co_unit_opinion_not_yet_due_is_not_overdue() {
        fixture.given(assignedProposal())
                .when(new RecordCoUnitOpinionOverdue(ID, EDUCATION), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-overdue"));
    }

    @Test
    void a_given_opinion_is_not_owed() {
        fixture.given(submitted(), registered(), assigned(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 5, 8)),
                        new CoUnitOpinionGiven(ID, EDUCATION, "同意", LocalDate.of(2024, 3, 1), false))
                .when(new RecordCoUnitOpinionOverdue(ID, EDUCATION), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "opinion-not-owed"));
    }

    @Test
    void only_the_ledger_or_office_records_an_overdue_opinion() {
        fixture.given(assignedProposal())
                .when(new RecordCoUnitOpinionOverdue(ID, EDUCATION), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "system-or-office-only"));
    }

    // ---- overdue after an extension ---------------------------------------------------------

    @Test
    void within_an_approved_extension_the_reply_is_not_overdue() {
        LocalDate passed = LocalDate.of(2024, 3, 1);
        fixture.given(submitted(), registered(), assigned(LocalDate.of(2023, 12, 1), passed),
                        new ReplyOverdue(ID, COMMERCE, passed, 1),
                        new DeadlineExtended(ID, passed, LocalDate.of(2024, 4, 1), "张主任"))
                .when(new RecordReplyOverdue(ID), SYSTEM)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "not-overdue"));
    }
}
