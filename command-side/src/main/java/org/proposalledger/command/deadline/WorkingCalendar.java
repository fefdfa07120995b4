package org.proposalledger.command.deadline;

import java.time.LocalDate;

/** Which days count as working days; public holidays and make-up working days can be layered on later. */
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
}
