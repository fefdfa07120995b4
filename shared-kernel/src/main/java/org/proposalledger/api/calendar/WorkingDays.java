package org.proposalledger.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which days count as working days, and counting in them: the one place working-day arithmetic lives. */
public interface WorkingDays {

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

    /**
     * Working days from {@code today} to {@code due}: positive = working days left after today up
     * to and including the due day; negative = working days late (days after the due day up to
     * and including today); 0 = due today.
     */
    default int workingDaysUntil(LocalDate today, LocalDate due) {
        int n = 0;
        if (due.isAfter(today)) {
            for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    n++;
                }
            }
            return n;
        }
        for (LocalDate d = due.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n--;
            }
        }
        return n;
    }

    /** Monday to Friday, no holidays. */
    static WorkingDays weekdays() {
        return day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
