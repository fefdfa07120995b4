package org.proposalledger.platform.calendar;

import org.proposalledger.api.calendar.WorkingDays;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The working-day calendar, kept as data: {@code calendar/YYYY.json} on the classpath, each
 * replaceable by a file of the same name in the override folder. The folder is checked again at
 * most once per reload interval (by modification time), so a new or corrected year takes effect
 * without a rebuild or restart; {@link #reload()} forces it. Years without a file fall back to
 * Monday to Friday.
 */
public class HolidayCalendar implements WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Snapshot(Map<Integer, CalendarYear> years, Set<LocalDate> holidays, Set<LocalDate> workdays,
                            String fingerprint) {
    }

    private final Path overrideDir;
    private final Duration reloadInterval;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant lastCheck;

    public HolidayCalendar(Path overrideDir, Duration reloadInterval, Clock clock) {
        this.overrideDir = overrideDir;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        this.snapshot = load();
        this.lastCheck = clock.instant();
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Snapshot s = current();
        if (s.holidays.contains(day)) {
            return false;
        }
        if (s.workdays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The years loaded, in order. */
    public List<CalendarYear> years() {
        return List.copyOf(new TreeMap<>(current().years).values());
    }

    /** Reads every file again now; answers the years loaded. */
    public synchronized List<CalendarYear> reload() {
        snapshot = load();
        lastCheck = clock.instant();
        return years();
    }

    private Snapshot current() {
        Instant now = clock.instant();
        if (overrideDir != null && now.isAfter(lastCheck.plus(reloadInterval))) {
            synchronized (this) {
                if (now.isAfter(lastCheck.plus(reloadInterval))) {
                    lastCheck = now;
                    if (!fingerprint().equals(snapshot.fingerprint)) {
                        snapshot = load();
                    }
                }
            }
        }
        return snapshot;
    }

    private Snapshot load() {
        Map<Integer, CalendarYear> years = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    CalendarYear y = JSON.readValue(in, CalendarYear.class);
                    years.put(y.year(), y);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped calendar", e);
        }
        for (Path file : overrideFiles()) {
            try {
                CalendarYear y = JSON.readValue(file.toFile(), CalendarYear.class);
                years.put(y.year(), y);
                log.info("calendar {} loaded from {}", y.year(), file);
            } catch (IOException e) {
                // A broken replacement must not stop due dates from being computed: keep the rest.
                log.error("calendar file {} ignored: {}", file, e.getMessage());
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (CalendarYear y : years.values()) {
            for (CalendarYear.Holiday h : y.holidays()) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    holidays.add(d);
                }
            }
            y.workingDays().forEach(w -> workdays.add(w.date()));
        }
        return new Snapshot(Map.copyOf(years), Set.copyOf(holidays), Set.copyOf(workdays), fingerprint());
    }

    private List<Path> overrideFiles() {
        if (overrideDir == null || !Files.isDirectory(overrideDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(overrideDir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{4}\\.json")).sorted().toList();
        } catch (IOException e) {
            log.error("calendar folder {} unreadable: {}", overrideDir, e.getMessage());
            return List.of();
        }
    }

    private String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Path p : overrideFiles()) {
            try {
                b.append(p.getFileName()).append('@').append(Files.getLastModifiedTime(p).toMillis())
                        .append('/').append(Files.size(p)).append(';');
            } catch (IOException e) {
                b.append(p.getFileName()).append("@?;");
            }
        }
        return b.toString();
    }
}
