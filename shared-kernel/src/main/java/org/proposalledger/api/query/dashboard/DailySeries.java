package org.proposalledger.api.query.dashboard;

import java.time.LocalDate;
import java.util.List;

/** Answer to {@link GetDailySeries}: one entry per day, the figures as they stood at its end. */
public record DailySeries(String sessionId, String unitId, List<Day> days) {

    public record Day(LocalDate date, ScopeFigures figures) {
    }
}
