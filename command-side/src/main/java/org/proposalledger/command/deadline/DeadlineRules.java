package org.proposalledger.command.deadline;

import org.proposalledger.api.calendar.WorkingDays;
import org.proposalledger.api.reference.DeadlineRuleSet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One session's statutory periods on the working-day calendar, in one place. Every date is a
 * calendar date in the ledger's zone; callers pass "today" from the injected clock.
 */
public final class DeadlineRules {

    private final WorkingDays calendar;
    private final DeadlineRuleSet set;

    /** The default periods (DeadlineRuleSet.DEFAULTS). */
    public DeadlineRules(WorkingDays calendar) {
        this(calendar, DeadlineRuleSet.DEFAULTS);
    }

    public DeadlineRules(WorkingDays calendar, DeadlineRuleSet set) {
        this.calendar = Objects.requireNonNull(calendar);
        this.set = Objects.requireNonNull(set);
    }

    /** Monday-to-Friday rules with the default periods, for tests and tools. */
    public static DeadlineRules weekdays() {
        return new DeadlineRules(WorkingDays.weekdays());
    }

    public DeadlineRuleSet set() {
        return set;
    }

    public WorkingDays calendar() {
        return calendar;
    }

    public LocalDate replyDueOn(LocalDate assignedOn) {
        return assignedOn.plusMonths(set.replyMonths());
    }

    /** No extension may move the reply date beyond this day. */
    public LocalDate latestAllowedDueOn(LocalDate assignedOn) {
        return assignedOn.plusMonths(set.extensionLimitMonths());
    }

    public int extensionLimitMonths() {
        return set.extensionLimitMonths();
    }

    public int returnWorkingDays() {
        return set.returnWorkingDays();
    }

    /** The last day on which the lead unit may still hand a wrong assignment back. */
    public LocalDate lastReturnDay(LocalDate assignedOn) {
        return calendar.workingDaysAfter(assignedOn, set.returnWorkingDays());
    }

    public boolean mayReturn(LocalDate assignedOn, LocalDate today) {
        return !today.isAfter(lastReturnDay(assignedOn));
    }

    public LocalDate coOpinionDueOn(LocalDate assignedOn) {
        return assignedOn.plusMonths(set.coOpinionMonths());
    }

    public LocalDate rehandlingDueOn(LocalDate orderedOn) {
        return orderedOn.plusMonths(set.rehandlingMonths());
    }

    /** The day the due-soon reminder is due: reminderWorkingDays working days before the due date. */
    public static LocalDate remindOn(WorkingDays calendar, LocalDate dueOn, int reminderWorkingDays) {
        return calendar.workingDaysBefore(dueOn, reminderWorkingDays);
    }
}
