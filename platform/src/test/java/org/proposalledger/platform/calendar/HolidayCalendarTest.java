package org.proposalledger.platform.calendar;

import org.proposalledger.api.calendar.WorkingDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayCalendarTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-10T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();

    @Test
    void shipped_2026_holidays_and_make_up_days(@TempDir Path dir) {
        HolidayCalendar c = new HolidayCalendar(dir, Duration.ofMinutes(1), clock);
        // make-up days are all weekend days, and they are worked
        for (String d : new String[]{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}) {
            LocalDate day = LocalDate.parse(d);
            assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(c.isWorkingDay(day)).as(d).isTrue();
        }
        assertThat(c.isWorkingDay(LocalDate.parse("2026-01-02"))).isFalse();   // Friday, 元旦
        assertThat(c.isWorkingDay(LocalDate.parse("2026-02-23"))).isFalse();   // Monday, 春节
        assertThat(c.isWorkingDay(LocalDate.parse("2026-02-24"))).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();   // Wednesday, 国庆
        assertThat(c.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();   // an ordinary Saturday
        // 7 working days from Thu 2026-02-12: Fri 13, Sat 14 (make-up), holiday to 23, Tue 24 .. Thu 26, Sat 28
        assertThat(c.workingDaysAfter(LocalDate.parse("2026-02-12"), 7)).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(c.years()).extracting(CalendarYear::year).contains(2026, 2027);
        assertThat(c.years().stream().filter(y -> y.year() == 2027).findFirst().orElseThrow().provisional()).isTrue();
    }

    @Test
    void a_replacement_file_takes_effect_after_the_reload_interval(@TempDir Path dir) throws Exception {
        HolidayCalendar c = new HolidayCalendar(dir, Duration.ofMinutes(1), clock);
        LocalDate saturday = LocalDate.parse("2027-01-09");
        assertThat(c.isWorkingDay(saturday)).isFalse();
        Files.writeString(dir.resolve("2027.json"), """
                {"year":2027,"provisional":false,"holidays":[{"name":"x","from":"2027-01-04","to":"2027-01-04"}],
                 "workingDays":[{"date":"2027-01-09","name":"x"}]}""");
        assertThat(c.isWorkingDay(saturday)).as("not looked at again yet").isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(c.isWorkingDay(saturday)).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2027-01-04"))).isFalse();
        // the replaced year dropped the shipped statutory days
        assertThat(c.isWorkingDay(LocalDate.parse("2027-02-08"))).isTrue();
    }

    @Test
    void a_broken_file_is_ignored_and_reload_is_immediate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2026.json"), "{ not json");
        HolidayCalendar c = new HolidayCalendar(dir, Duration.ofHours(1), clock);
        assertThat(c.isWorkingDay(LocalDate.parse("2026-01-02"))).isFalse();
        Files.writeString(dir.resolve("2026.json"), "{\"year\":2026,\"holidays\":[],\"workingDays\":[]}");
        c.reload();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-01-02"))).isTrue();
    }

    @Test
    void working_days_until_counts_left_and_late() {
        WorkingDays w = WorkingDays.weekdays();
        LocalDate fri = LocalDate.parse("2026-03-06");
        assertThat(w.workingDaysUntil(fri, LocalDate.parse("2026-03-10"))).isEqualTo(2);
        assertThat(w.workingDaysUntil(fri, fri)).isZero();
        assertThat(w.workingDaysUntil(LocalDate.parse("2026-03-10"), fri)).isEqualTo(-2);
        assertThat(w.workingDaysBefore(LocalDate.parse("2026-03-10"), 2)).isEqualTo(fri);
    }
}
