package org.proposalledger.command.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The statutory periods of a suggestion's handling, in one place. Every date is a calendar
 * date in the ledger's zone; callers pass "today" from the injected clock.
 */
public final class DeadlineRules {

    static final int REPLY_MONTHS = 3;
    static final int EXTENSION_LIMIT_MONTHS = 6;
    static final int RETURN_WORKING_DAYS = 7;
    static final int CO_OPINION_MONTHS = 1;
    static final int REHANDLING_MONTHS = 1;

    private final WorkingCalendar calendar;

    public DeadlineRules(WorkingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar);
    }

    /** Monday-to-Friday rules, for tests and tools. */
    public static DeadlineRules weekdays() {
        return new DeadlineRules(new WeekdayCalendar());
    }

    public LocalDate replyDueOn(LocalDate assignedOn) {
        return assignedOn.plusMonths(REPLY_MONTHS);
    }

    /** No extension may move the reply date beyond this day. */
    public LocalDate latestAllowedDueOn(LocalDate assignedOn) {
        return assignedOn.plusMonths(EXTENSION_LIMIT_MONTHS);
    }

    /** The last day on which the lead unit may still hand a wrong assignment back. */
    public LocalDate lastReturnDay(LocalDate assignedOn) {
        return calendar.workingDaysAfter(assignedOn, RETURN_WORKING_DAYS);
    }

    public boolean mayReturn(LocalDate assignedOn, LocalDate today) {
        return !today.isAfter(lastReturnDay(assignedOn));
    }

    public LocalDate coOpinionDueOn(LocalDate assignedOn) {
        return assignedOn.plusMonths(CO_OPINION_MONTHS);
    }

    public LocalDate rehandlingDueOn(LocalDate orderedOn) {
        return orderedOn.plusMonths(REHANDLING_MONTHS);
    }
}
