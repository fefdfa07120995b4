package org.proposalledger.command.calendar;

import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.calendar.CalendarYear;
import org.proposalledger.platform.calendar.HolidayCalendar;
import org.proposalledger.platform.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The working-day calendar in force; the office may force a re-read of the year files. */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {

    private final HolidayCalendar calendar;

    public CalendarController(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    public List<CalendarYear> years() {
        return calendar.years();
    }

    @PostMapping(path = "/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CalendarYear> reload() {
        if (!CurrentActor.get().is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only", "Only the congress office may reload the calendar.");
        }
        return calendar.reload();
    }
}
