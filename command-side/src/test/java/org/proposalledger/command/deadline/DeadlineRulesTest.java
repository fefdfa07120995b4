package org.proposalledger.command.deadline;

import org.proposalledger.api.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineRulesTest {

    private final DeadlineRules rules = DeadlineRules.weekdays();

    @Test
    void reply_is_due_three_months_after_assignment() {
        assertThat(rules.replyDueOn(LocalDate.of(2024, 3, 11))).isEqualTo(LocalDate.of(2024, 6, 11));
    }

    @Test
    void month_arithmetic_clamps_to_the_end_of_a_shorter_month() {
        assertThat(rules.replyDueOn(LocalDate.of(2023, 11, 30))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rules.coOpinionDueOn(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void extensions_stop_six_months_after_assignment() {
        assertThat(rules.latestAllowedDueOn(LocalDate.of(2024, 3, 11))).isEqualTo(LocalDate.of(2024, 9, 11));
    }

    @Test
    void co_unit_opinion_and_rehandling_reply_are_due_a_month_later() {
        assertThat(rules.coOpinionDueOn(LocalDate.of(2024, 3, 11))).isEqualTo(LocalDate.of(2024, 4, 11));
        assertThat(rules.rehandlingDueOn(LocalDate.of(2024, 3, 11))).isEqualTo(LocalDate.of(2024, 4, 11));
    }

    @Test
    void return_window_counts_seven_working_days_skipping_weekends() {
        // Friday 8 March: Mon 11 .. Fri 15 are five, Mon 18 and Tue 19 make seven
        assertThat(rules.lastReturnDay(LocalDate.of(2024, 3, 8))).isEqualTo(LocalDate.of(2024, 3, 19));
        // assigned on a Saturday: the weekend itself never counts
        assertThat(rules.lastReturnDay(LocalDate.of(2024, 3, 9))).isEqualTo(LocalDate.of(2024, 3, 19));
    }

    @Test
    void return_is_allowed_through_the_last_day_and_not_after() {
        LocalDate assigned = LocalDate.of(2024, 3, 8);
        assertThat(rules.mayReturn(assigned, LocalDate.of(2024, 3, 19))).isTrue();
        assertThat(rules.mayReturn(assigned, LocalDate.of(2024, 3, 20))).isFalse();
    }

    @Test
    void a_calendar_with_holidays_lengthens_the_return_window() {
        // the interface is the hook for public holidays: here Qingming (4 April 2024) is off
        Set<LocalDate> holidays = Set.of(LocalDate.of(2024, 4, 4));
        WorkingDays weekdays = WorkingDays.weekdays();
        DeadlineRules withHoliday = new DeadlineRules(day -> weekdays.isWorkingDay(day) && !holidays.contains(day));

        LocalDate assigned = LocalDate.of(2024, 3, 29);
        assertThat(rules.lastReturnDay(assigned)).isEqualTo(LocalDate.of(2024, 4, 9));
        assertThat(withHoliday.lastReturnDay(assigned)).isEqualTo(LocalDate.of(2024, 4, 10));
    }
}
