package org.proposalledger.platform.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of the working-day calendar as kept in {@code calendar/YYYY.json}: public holidays
 * (date ranges) and make-up working days (调休, weekend days that are worked). A provisional
 * year lists only the statutory holidays known in advance.
 */
public record CalendarYear(int year, boolean provisional, String source, List<Holiday> holidays,
                           List<WorkDay> workingDays) {

    public CalendarYear {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }

    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    /** A weekend day worked in exchange for a holiday ({@code name} says which). */
    public record WorkDay(LocalDate date, String name) {
    }
}
