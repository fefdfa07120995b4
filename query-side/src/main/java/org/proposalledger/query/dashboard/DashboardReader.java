package org.proposalledger.query.dashboard;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.List;
import java.util.Map;

/**
 * Reads a scope's counts now, at the end of a day, or at any past instant — exactly.
 * <p>
 * <b>Design of {@code asOf}.</b> Every counter change is also added to a per-scope, per-month
 * document of per-day changes ({@link CounterStore#DAYS}), dated by the event's own timestamp
 * in the ledger zone. Because counts are sums of contributions, the state at the end of day D
 * is exactly the sum of the changes of every day up to D: at most one document per month of
 * the session's life is read (by {@code _id}), however many proposals there are. For an
 * instant T inside day D the days before D come from those documents, and the part of D up to
 * T is replayed from the event store: the events stamped between the start of D and T are
 * streamed (from the store's token at the start of D, less a minute of slack for writers whose
 * clocks interleave), each one's proposal is folded from its own stream up to that event, and
 * the difference of its contribution is added — the very same {@link Contribution#delta} the
 * projection applies. That costs one day's events at most, never the whole store, and gives
 * the same number a replay of every event up to T would give (tested so).
 * <p>
 * The figures are as exact as the projections are current: an asOf answer for a moment the
 * projections have not yet reached is missing what they have not yet counted.
 */
@Component
public class DashboardReader {

    private static final Duration SLACK = Duration.ofMinutes(1);

    private final CounterStore store;
    private final EventStore eventStore;
    private final ZoneId zone;
    private final ProposalFold fold = new ProposalFold();
    private final TableCache tables = new TableCache();

    public DashboardReader(CounterStore store, EventStore eventStore, LedgerProperties properties) {
        this.store = store;
        this.eventStore = eventStore;
        this.zone = properties.getZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The scope document as it stands (null when it has never counted anything). */
    public Document document(String scope) {
        return store.find(scope);
    }

    public List<String> members(String sessionId, String list) {
        return CounterStore.list(store.find(Contribution.sessionScope(sessionId)), list);
    }

    /** The month document of day changes of {@code scope}, or null. */
    Document month(String scope, YearMonth month) {
        return store.findMonth(scope, month);
    }

    /** Counts now ({@code asOf} null) or at instant {@code asOf}. */
    public ScopeCounts counts(String scope, Instant asOf) {
        Document doc = store.find(scope);
        if (asOf == null) {
            return CounterStore.counts(doc);
        }
        LocalDate day = asOf.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        return beforeDay(scope, doc, day, ym -> store.findMonth(scope, ym)).plus(replay(scope, dayStart, asOf));
    }

    /**
     * The rows of a session's unit or category table ({@link CounterStore#UNITS},
     * {@link CounterStore#CATEGORIES}) by key, now or at {@code asOf}: one table document, plus for
     * {@code asOf} its month documents (one query) and the day's replay, and the session document
     * for the list of keys — however many units and proposals. Every key the table has now is present (zero counts before it had any).
     */
    public Map<String, ScopeCounts> table(String sessionId, String table, Instant asOf) {
        String id = CounterStore.tableId(sessionId, table);
        // the session document first: the table read after it is at least as new as its revision
        Document session = store.find(Contribution.sessionScope(sessionId));
        Document doc = null;
        Map<String, ScopeCounts> rows = asOf == null ? tables.rows(id, session) : null;
        if (rows == null) {
            doc = store.find(id);
            rows = CounterStore.rows(doc == null ? null : doc.get(CounterStore.ROWS, Document.class));
            if (asOf == null) {
                tables.keep(id, session, rows);
            }
        }
        Map<String, ScopeCounts> now = new TreeMap<>(rows);
        // a unit whose changes cancelled out within one batch (assigned, then withdrawn) has no
        // row; the session document lists every unit and category that ever had a proposal
        for (String key : CounterStore.list(session, table)) {
            now.putIfAbsent(key, ScopeCounts.EMPTY);
        }
        if (asOf == null) {
            return now;
        }
        Map<String, ScopeCounts> out = new TreeMap<>();
        now.keySet().forEach(k -> out.put(k, ScopeCounts.EMPTY));
        LocalDate day = asOf.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(day);
        List<YearMonth> months = CounterStore.list(doc, "months").stream().map(YearMonth::parse)
                .filter(ym -> !ym.isAfter(month)).toList();
        Map<String, Document> monthDocs = store.findAll(store.days(),
                months.stream().map(ym -> CounterStore.monthId(id, ym)).toList());
        for (YearMonth ym : months) {
            Document m = monthDocs.get(CounterStore.monthId(id, ym));
            Map<String, ScopeCounts> sum = ym.isBefore(month) ? CounterStore.sumTableDays(m, ym.atEndOfMonth(), true)
                    : CounterStore.sumTableDays(m, day, false);
            sum.forEach((k, c) -> out.merge(k, c, ScopeCounts::plus));
        }
        String prefix = (CounterStore.UNITS.equals(table) ? "u|" : "c|") + sessionId + "|";
        replayAll(day.atStartOfDay(zone).toInstant(), asOf).forEach((scope, c) -> {
            if (scope.startsWith(prefix)) {
                out.merge(scope.substring(prefix.length()), c, ScopeCounts::plus);
            }
        });
        return out;
    }

    /**
     * Counts of several scopes now or at {@code asOf}, in a fixed number of queries: their
     * documents in one, their month documents in one, and one replay of the day for all.
     */
    public Map<String, ScopeCounts> countsAll(List<String> scopes, Instant asOf) {
        return countsAll(scopes, store.findAll(store.counters(), scopes), asOf);
    }

    /** Every deputy of a session with their counts, by deputy id, now or at {@code asOf} (a fixed number of queries). */
    public Map<String, ScopeCounts> deputies(String sessionId, Instant asOf) {
        String prefix = Contribution.deputyScope(sessionId, "");
        Map<String, Document> docs = store.findByPrefix(prefix);
        Map<String, ScopeCounts> out = new TreeMap<>();
        countsAll(List.copyOf(docs.keySet()), docs, asOf).forEach((scope, c) -> out.put(scope.substring(prefix.length()), c));
        return out;
    }

    private Map<String, ScopeCounts> countsAll(List<String> scopes, Map<String, Document> docs, Instant asOf) {
        Map<String, ScopeCounts> out = new LinkedHashMap<>();
        if (asOf == null) {
            scopes.forEach(s -> out.put(s, CounterStore.counts(docs.get(s))));
            return out;
        }
        LocalDate day = asOf.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(day);
        List<String> monthIds = new ArrayList<>();
        for (String s : scopes) {
            for (String m : CounterStore.list(docs.get(s), "months")) {
                if (!YearMonth.parse(m).isAfter(month)) {
                    monthIds.add(CounterStore.monthId(s, YearMonth.parse(m)));
                }
            }
        }
        Map<String, Document> monthDocs = store.findAll(store.days(), monthIds);
        Map<String, ScopeCounts> replayed = replayAll(day.atStartOfDay(zone).toInstant(), asOf);
        for (String s : scopes) {
            out.put(s, beforeDay(s, docs.get(s), day, ym -> monthDocs.get(CounterStore.monthId(s, ym)))
                    .plus(replayed.getOrDefault(s, ScopeCounts.EMPTY)));
        }
        return out;
    }

    /** Counts at the end of {@code day}. */
    public ScopeCounts endOfDay(String scope, LocalDate day) {
        return beforeDay(scope, store.find(scope), day.plusDays(1), ym -> store.findMonth(scope, ym));
    }

    /** Sum of the day changes of every day before {@code day}. */
    private ScopeCounts beforeDay(String scope, Document doc, LocalDate day, Function<YearMonth, Document> months) {
        YearMonth month = YearMonth.from(day);
        ScopeCounts sum = ScopeCounts.EMPTY;
        for (String m : CounterStore.list(doc, "months")) {
            YearMonth ym = YearMonth.parse(m);
            if (ym.isBefore(month)) {
                sum = sum.plus(CounterStore.sumDays(months.apply(ym), ym.atEndOfMonth(), true));
            } else if (ym.equals(month)) {
                sum = sum.plus(CounterStore.sumDays(months.apply(ym), day, false));
            }
        }
        return sum;
    }

    /** The change of {@code scope} made by the events stamped in [from, to]. */
    ScopeCounts replay(String scope, Instant from, Instant to) {
        return replayAll(from, to).getOrDefault(scope, ScopeCounts.EMPTY);
    }

    /** The change of every scope made by the events stamped in [from, to]. */
    Map<String, ScopeCounts> replayAll(Instant from, Instant to) {
        Map<String, ScopeCounts> sum = new HashMap<>();
        TrackingToken start = eventStore.createTokenAt(from.minus(SLACK));
        Map<String, ProposalView> views = new HashMap<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> m = stream.nextAvailable();
                Instant at = m.getTimestamp();
                if (at.isAfter(to.plus(SLACK))) {
                    break;
                }
                if (at.isBefore(from) || at.isAfter(to) || !(m.getPayload() instanceof ProposalEvent)
                        || !(m instanceof DomainEventMessage<?> domain)) {
                    continue;
                }
                String id = domain.getAggregateIdentifier();
                ProposalView before = views.containsKey(id) ? views.get(id) : foldUpTo(id, domain.getSequenceNumber());
                ProposalView after = fold.apply(before, m.getPayload(), EventMeta.of(domain.getSequenceNumber(),
                        at, m.getMetaData()));
                views.put(id, after);
                Contribution.delta(before, after).forEach((scope, d) -> sum.merge(scope, d, ScopeCounts::plus));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying events", e);
        }
        return sum;
    }

    /** The proposal folded from its own stream, events with a sequence below {@code sequence}. */
    private ProposalView foldUpTo(String proposalId, long sequence) {
        ProposalView view = null;
        var events = eventStore.readEvents(proposalId, 0); // every event, never a snapshot
        while (events.hasNext()) {
            DomainEventMessage<?> e = events.next();
            if (e.getSequenceNumber() >= sequence) {
                break;
            }
            view = fold.apply(view, e.getPayload(), EventMeta.of(e.getSequenceNumber(), e.getTimestamp(),
                    e.getMetaData()));
        }
        return view;
    }
}
