package org.proposalledger.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.proposalledger.query.projection.Coverage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard counter documents, all read by {@code _id}:
 * <ul>
 *   <li>{@value #COUNTERS}: one document per scope ({@link Contribution#sessionScope} etc.) with
 *   its current {@link ScopeCounts} as top-level fields and {@code daysToReply} as a histogram
 *   sub-document ({@code "45": 3} = three proposals replied 45 days after assignment). A session
 *   document also lists its {@code units} and {@code categories} (not its deputies, whose
 *   number grows with the session: their documents are found by id prefix), and
 *   every scope document the months it has day buckets for ({@code months}).</li>
 *   <li>Also in {@value #COUNTERS}, per session, a table document for units and one for
 *   categories ({@link #tableId}): {@code rows.<unit>} holds the same counts as that unit's own
 *   document, so the unit table is one read whatever the number of proposals; their
 *   {@value #DAYS} documents hold {@code days.<dd>.<unit>.<field>}. Deputies (a third of the
 *   proposals in number) keep one document each, read together in one query.</li>
 *   <li>{@value #DAYS}: per scope and month ({@code _id} = scope + "|" + yyyy-MM), the change of
 *   each day ({@code days.07.assigned: 12} = twelve more assigned on the 7th), dated by the
 *   event's timestamp in the ledger zone. The state at the end of a day is the sum of every day
 *   up to it, which is exact; see {@link DashboardReader} for instants inside a day.</li>
 * </ul>
 * Both are changed only by {@code $inc}, so batches of different segments may update the
 * same document at once; {@code applied.s<segment>} records, per segment, the stream positions
 * whose events it has counted (a {@link Coverage}), which makes a re-delivered event change
 * nothing (see {@link CounterBuffer}).
 */
@Component
public class CounterStore {

    public static final String COUNTERS = "dashboard_counters";
    public static final String DAYS = "dashboard_days";

    static final List<String> FIELDS = List.of("assigned", "undatedAssigned", "replied", "repliedOnTime",
            "consultedBeforeFirstReply",
            "rated", "satisfied", "basicallySatisfied", "unsatisfied", "overdue", "classA", "classB", "classC",
            "classD");
    static final String HISTOGRAM = "daysToReply";

    /** Table documents: {@code t|<session>|units} and {@code t|<session>|categories}. */
    static final String TABLE_PREFIX = "t|";
    static final String UNITS = "units";
    static final String CATEGORIES = "categories";
    /** In a table document, {@code rows.<key>} holds that unit's or category's counts. */
    static final String ROWS = "rows";
    /**
     * In a session document: counted up after every batch that changed the session's unit or
     * category table, so that a reader who has read the session document (which it needs anyway)
     * knows whether a table it read before has changed since, without reading the table again.
     */
    public static final String TABLES_REVISION = "tablesRevision";
    /**
     * In a session document: a random value set when the document is created, so a revision
     * counted again from 1 after a rebuild never matches one read before it.
     */
    public static final String EPOCH = "epoch";

    private final MongoTemplate mongo;
    private final boolean soleWriter;

    /**
     * {@code embedded} is present when the read models live in this process's embedded server:
     * no other process can reach it (it listens on loopback and locks its file), so this process
     * is the only writer of the counters.
     */
    @Autowired
    public CounterStore(MongoTemplate mongo, ObjectProvider<EmbeddedMongo> embedded) {
        this(mongo, embedded.getIfAvailable() != null);
    }

    public CounterStore(MongoTemplate mongo, boolean soleWriter) {
        this.mongo = mongo;
        this.soleWriter = soleWriter;
    }

    /**
     * True when no other process writes these documents, so a counter update needs no
     * compare-and-set on its marker (see {@link CounterBuffer}).
     */
    boolean soleWriter() {
        return soleWriter;
    }

    public MongoCollection<Document> counters() {
        return mongo.getCollection(COUNTERS);
    }

    public MongoCollection<Document> days() {
        return mongo.getCollection(DAYS);
    }

    public static String monthId(String scope, YearMonth month) {
        return scope + "|" + month;
    }

    /** The table ({@value #UNITS} or {@value #CATEGORIES}) of a counter scope kind ("u", "c"), else null. */
    static String tableOf(String kind) {
        return switch (kind) {
            case "u" -> UNITS;
            case "c" -> CATEGORIES;
            default -> null;
        };
    }

    /** Whether a counter document id is a session's own document ({@link Contribution#sessionScope}). */
    static boolean isSessionScope(String id) {
        return id.startsWith("s|");
    }

    public static String tableId(String sessionId, String table) {
        return TABLE_PREFIX + sessionId + "|" + table;
    }

    /** Ids may hold '.', which a field path cannot: it becomes a full-width '．' in keys. */
    static String escapeKey(String key) {
        return key.replace('.', '\uFF0E');
    }

    static String unescapeKey(String key) {
        return key.replace('\uFF0E', '.');
    }

    /** The documents with these ids, in one query; missing ones are absent from the map. */
    public Map<String, Document> findAll(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> out = new HashMap<>();
        List<String> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += 1000) {
            for (Document d : collection.find(Filters.in("_id", list.subList(from, Math.min(list.size(), from + 1000))))) {
                out.put(d.get("_id").toString(), d);
            }
        }
        return out;
    }

    /** Every counter document whose id starts with {@code prefix} (one query), by id. */
    public Map<String, Document> findByPrefix(String prefix) {
        Map<String, Document> out = new TreeMap<>();
        for (Document d : counters().find(Filters.and(Filters.gte("_id", prefix), Filters.lt("_id", prefix + "\uFFFF")))) {
            out.put(d.get("_id").toString(), d);
        }
        return out;
    }

    public Document find(String scope) {
        return counters().find(Filters.eq("_id", scope)).first();
    }

    public Document findMonth(String scope, YearMonth month) {
        return days().find(Filters.eq("_id", monthId(scope, month))).first();
    }

    public void drop() {
        mongo.dropCollection(COUNTERS);
        mongo.dropCollection(DAYS);
    }

    /**
     * One document write an event's contribution change makes: {@code inc} added to its counts (null:
     * none, the document only lists a member),
     * each {@code addToSet} value put in that member set; {@code tableSession}: the session whose
     * unit or category table it is part of, else null.
     */
    record Write(MongoCollection<Document> collection, String id, Map<String, Long> inc,
                 Map<String, String> addToSet, String tableSession) {
    }

    /**
     * The documents a contribution change ({@link Contribution#delta}) of an event on {@code day}
     * writes, in the order they are first written: per scope its counter document (and the month
     * in its {@code months}), the session document listing a unit or category scope, the scope's
     * month of days, and for a unit or category its row in the session's table document and in
     * that table's month of days.
     */
    List<Write> writes(Map<String, ScopeCounts> delta, LocalDate day) {
        String month = YearMonth.from(day).toString();
        String dayPrefix = String.format("days.%02d.", day.getDayOfMonth());
        List<Write> out = new ArrayList<>();
        for (Map.Entry<String, ScopeCounts> e : delta.entrySet()) {
            String scope = e.getKey();
            ScopeCounts change = e.getValue();
            out.add(new Write(counters(), scope, increments(change, ""), Map.of("months", month), null));
            String[] parts = scope.split("\\|");
            String members = parts.length != 3 ? null : switch (parts[0]) {
                case "u" -> "units";
                case "c" -> "categories";
                // not deputies: a third as many as proposals, they would make the session document
                // grow with the session; the deputy table finds their documents by id prefix
                default -> null;
            };
            if (members != null) {
                out.add(new Write(counters(), Contribution.sessionScope(parts[1]), null,
                        Map.of(members, parts[2]), null));
            }
            out.add(new Write(days(), monthId(scope, YearMonth.from(day)), increments(change, dayPrefix), Map.of(),
                    null));
            String table = parts.length == 3 ? tableOf(parts[0]) : null;
            if (table != null) {
                String tableId = tableId(parts[1], table);
                String key = escapeKey(parts[2]) + ".";
                out.add(new Write(counters(), tableId, increments(change, ROWS + "." + key), Map.of("months", month),
                        parts[1]));
                out.add(new Write(days(), monthId(tableId, YearMonth.from(day)), increments(change, dayPrefix + key),
                        Map.of(), parts[1]));
            }
        }
        return out;
    }

    /** The non-zero fields of {@code c} as dotted paths under {@code prefix} ("" for top level). */
    static Map<String, Long> increments(ScopeCounts c, String prefix) {
        Map<String, Long> out = new LinkedHashMap<>();
        long[] values = {c.assigned(), c.undatedAssigned(), c.replied(), c.repliedOnTime(),
                c.consultedBeforeFirstReply(), c.rated(),
                c.satisfied(), c.basicallySatisfied(), c.unsatisfied(), c.overdue(), c.classA(), c.classB(),
                c.classC(), c.classD()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                out.put(prefix + FIELDS.get(i), values[i]);
            }
        }
        c.daysToReply().forEach((d, n) -> out.put(prefix + HISTOGRAM + "." + d, n));
        return out;
    }

    /** Counts read from a document (or sub-document) written by {@link #increments}; missing = zero. */
    public static ScopeCounts counts(Document d) {
        if (d == null) {
            return ScopeCounts.EMPTY;
        }
        long[] v = new long[FIELDS.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = d.get(FIELDS.get(i));
            v[i] = o instanceof Number n ? n.longValue() : 0;
        }
        Map<Integer, Long> h = new TreeMap<>();
        if (d.get(HISTOGRAM) instanceof Document hist) {
            hist.forEach((k, n) -> h.put(Integer.valueOf(k), ((Number) n).longValue()));
        }
        return new ScopeCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                h);
    }

    /** The rows of a table document (or of one day of a table month document), by unescaped key. */
    static Map<String, ScopeCounts> rows(Document d) {
        Map<String, ScopeCounts> out = new TreeMap<>();
        if (d != null) {
            d.forEach((k, v) -> {
                if (v instanceof Document row) {
                    out.put(unescapeKey(k), counts(row));
                }
            });
        }
        return out;
    }

    /** Per key, the sum of the day changes in a table month document up to {@code last}. */
    static Map<String, ScopeCounts> sumTableDays(Document month, LocalDate last, boolean inclusive) {
        Map<String, ScopeCounts> sum = new TreeMap<>();
        if (month == null || !(month.get("days") instanceof Document days)) {
            return sum;
        }
        YearMonth ym = YearMonth.from(last);
        for (Map.Entry<String, Object> e : days.entrySet()) {
            LocalDate day = ym.atDay(Integer.parseInt(e.getKey()));
            if (day.isBefore(last) || inclusive && day.equals(last)) {
                rows((Document) e.getValue()).forEach((k, c) -> sum.merge(k, c, ScopeCounts::plus));
            }
        }
        return sum;
    }

    /** Sum of the day changes in a month document for the days up to and including {@code last}. */
    static ScopeCounts sumDays(Document month, LocalDate last, boolean inclusive) {
        ScopeCounts sum = ScopeCounts.EMPTY;
        if (month == null || !(month.get("days") instanceof Document days)) {
            return sum;
        }
        YearMonth ym = YearMonth.from(last);
        for (Map.Entry<String, Object> e : days.entrySet()) {
            LocalDate day = ym.atDay(Integer.parseInt(e.getKey()));
            if (day.isBefore(last) || inclusive && day.equals(last)) {
                sum = sum.plus(counts((Document) e.getValue()));
            }
        }
        return sum;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Document d, String field) {
        Object o = d == null ? null : d.get(field);
        return o instanceof List<?> l ? (List<String>) l : List.of();
    }
}
