package org.proposalledger.command.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday are working days; no holidays. */
public final class WeekdayCalendar implements WorkingCalendar {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
