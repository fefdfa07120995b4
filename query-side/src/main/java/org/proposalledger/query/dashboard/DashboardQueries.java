package org.proposalledger.query.dashboard;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.query.dashboard.DailySeries;
import org.proposalledger.api.query.dashboard.GetDailySeries;
import org.proposalledger.api.query.dashboard.GetScopeTable;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.GetUnitTable;
import org.proposalledger.api.query.dashboard.Rates;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.query.dashboard.ScopeFigures;
import org.proposalledger.api.query.dashboard.ScopeTable;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.proposalledger.api.query.dashboard.UnitTable;
import org.proposalledger.query.core.Viewer;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Answers the dashboard queries on Axon's query bus (the HTTP API asks through it too). Every
 * figure comes from counter documents read by {@code _id} ({@link DashboardReader}).
 * <p>
 * Visibility: OFFICE, SUPERVISOR, READER (and trusted bus callers) see every figure. A UNIT
 * sees only its own unit's figures: the session dashboard answers with its unit's counts, the
 * unit table holds its row only, and the category and deputy tables are refused. A DEPUTY sees
 * only their own figures in the same way.
 */
@Component
public class DashboardQueries {

    private final DashboardReader reader;

    public DashboardQueries(DashboardReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    public SessionDashboard session(GetSessionDashboard q, MetaData metaData) {
        Viewer viewer = visible(metaData);
        String s = q.sessionId();
        if (viewer.limitedToUnit() != null) {
            String unit = viewer.limitedToUnit();
            return new SessionDashboard(s, "unit", q.asOf(),
                    ScopeFigures.of(unit, reader.counts(Contribution.unitScope(s, unit), q.asOf())));
        }
        if (viewer.limitedToDeputy() != null) {
            String deputy = viewer.limitedToDeputy();
            return new SessionDashboard(s, "deputy", q.asOf(),
                    ScopeFigures.of(deputy, reader.counts(Contribution.deputyScope(s, deputy), q.asOf())));
        }
        return new SessionDashboard(s, "session", q.asOf(),
                ScopeFigures.of(null, reader.counts(Contribution.sessionScope(s), q.asOf())));
    }

    @QueryHandler
    public UnitTable units(GetUnitTable q, MetaData metaData) {
        Viewer viewer = visible(metaData);
        if (viewer.limitedToDeputy() != null) {
            throw new ReadRefusedException("own-figures-only", "A deputy sees only their own figures.");
        }
        // one table document for all units (a UNIT viewer's row is read from its own document)
        Map<String, ScopeCounts> table = viewer.limitedToUnit() != null
                ? Map.of(viewer.limitedToUnit(), reader.counts(Contribution.unitScope(q.sessionId(),
                viewer.limitedToUnit()), q.asOf()))
                : reader.table(q.sessionId(), CounterStore.UNITS, q.asOf());
        List<UnitTable.Row> ranked = new ArrayList<>();
        List<UnitTable.Row> apart = new ArrayList<>();
        for (Map.Entry<String, ScopeCounts> e : table.entrySet()) {
            String unit = e.getKey();
            ScopeCounts c = e.getValue();
            Rates.Fraction f = Rates.fraction(c, q.sortBy());
            UnitTable.Row row = new UnitTable.Row(null, unit, f.base(), f.value(), f.wilson(), ScopeFigures.of(unit, c));
            (f.base() >= Math.max(1, q.minSample()) ? ranked : apart).add(row);
        }
        // best first; ties by the lower Wilson bound (more evidence first), then by id
        ranked.sort(Comparator.comparing(UnitTable.Row::value, Comparator.reverseOrder())
                .thenComparing(r -> r.wilson().lower(), Comparator.reverseOrder())
                .thenComparing(UnitTable.Row::unitId));
        apart.sort(Comparator.comparing(UnitTable.Row::unitId));
        List<UnitTable.Row> numbered = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            UnitTable.Row r = ranked.get(i);
            boolean tie = i > 0 && r.value().equals(ranked.get(i - 1).value());
            int rank = tie ? numbered.get(i - 1).rank() : i + 1;
            numbered.add(new UnitTable.Row(rank, r.unitId(), r.sample(), r.value(), r.wilson(), r.figures()));
        }
        return new UnitTable(q.sessionId(), q.sortBy(), q.minSample(), q.asOf(), numbered, apart);
    }

    @QueryHandler
    public ScopeTable scopes(GetScopeTable q, MetaData metaData) {
        Viewer viewer = visible(metaData);
        if (viewer.limitedToUnit() != null) {
            throw new ReadRefusedException("own-unit-only", "A unit sees only its own unit's figures.");
        }
        List<ScopeFigures> rows;
        if (q.by() == GetScopeTable.By.DEPUTY) {
            if (viewer.limitedToDeputy() != null) {
                String deputy = viewer.limitedToDeputy();
                rows = List.of(ScopeFigures.of(deputy, reader.counts(Contribution.deputyScope(q.sessionId(), deputy),
                        q.asOf())));
            } else {
                rows = reader.deputies(q.sessionId(), q.asOf()).entrySet().stream()
                        .map(e -> ScopeFigures.of(e.getKey(), e.getValue())).toList();
            }
        } else {
            if (viewer.limitedToDeputy() != null) {
                throw new ReadRefusedException("own-figures-only", "A deputy sees only their own figures.");
            }
            rows = reader.table(q.sessionId(), CounterStore.CATEGORIES, q.asOf()).entrySet().stream()
                    .map(e -> ScopeFigures.of(e.getKey(), e.getValue())).toList();
        }
        return new ScopeTable(q.sessionId(), q.by(), q.asOf(), rows);
    }

    @QueryHandler
    public DailySeries series(GetDailySeries q, MetaData metaData) {
        Viewer viewer = visible(metaData);
        if (viewer.limitedToDeputy() != null) {
            throw new ReadRefusedException("own-figures-only", "A deputy sees only their own figures.");
        }
        String unit = q.unitId();
        if (viewer.limitedToUnit() != null) {
            if (unit != null && !unit.equals(viewer.limitedToUnit())) {
                throw new ReadRefusedException("own-unit-only", "A unit sees only its own unit's figures.");
            }
            unit = viewer.limitedToUnit();
        }
        String scope = unit == null ? Contribution.sessionScope(q.sessionId())
                : Contribution.unitScope(q.sessionId(), unit);
        List<DailySeries.Day> days = new ArrayList<>();
        ScopeCounts running = reader.endOfDay(scope, q.from().minusDays(1));
        DaySource source = new DaySource(reader, scope);
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            running = running.plus(source.change(d));
            days.add(new DailySeries.Day(d, ScopeFigures.of(unit, running)));
        }
        return new DailySeries(q.sessionId(), unit, days);
    }

    private static Viewer visible(MetaData metaData) {
        Viewer viewer = Viewer.fromMetaData(metaData);
        if (viewer.isNobody()) {
            throw new ReadRefusedException("unreadable-actor", "The asking actor cannot be read.");
        }
        return viewer;
    }
}
