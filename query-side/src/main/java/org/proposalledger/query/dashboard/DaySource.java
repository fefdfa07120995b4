package org.proposalledger.query.dashboard;

import org.bson.Document;
import org.proposalledger.api.query.dashboard.ScopeCounts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** Day changes of one scope, reading each month document once (for a daily series). */
final class DaySource {

    private final DashboardReader reader;
    private final String scope;
    private final Map<YearMonth, Document> months = new HashMap<>();

    DaySource(DashboardReader reader, String scope) {
        this.reader = reader;
        this.scope = scope;
    }

    ScopeCounts change(LocalDate day) {
        YearMonth ym = YearMonth.from(day);
        Document month = months.computeIfAbsent(ym, m -> {
            Document d = reader.month(scope, m);
            return d == null ? new Document() : d;
        });
        if (!(month.get("days") instanceof Document days)) {
            return ScopeCounts.EMPTY;
        }
        return CounterStore.counts((Document) days.get(String.format("%02d", day.getDayOfMonth())));
    }
}
