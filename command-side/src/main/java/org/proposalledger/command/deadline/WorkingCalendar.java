package org.proposalledger.command.deadline;

import java.time.LocalDate;

/**
 * Which days count as working days. In the running ledger this is the platform's holiday
 * calendar (public holidays and make-up days, files per year), adapted in the Spring wiring so
 * the domain stays free of platform classes.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The {@code count}-th working day after {@code from} ({@code from} itself never counts). */
    default LocalDate workingDaysAfter(LocalDate from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        LocalDate day = from;
        for (int found = 0; found < count; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }

    /** The {@code count}-th working day before {@code from} ({@code from} itself never counts). */
    default LocalDate workingDaysBefore(LocalDate from, int count) {
        LocalDate day = from;
        for (int found = 0; found < count; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }
}
