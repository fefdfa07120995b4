package org.proposalledger.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.projection.Coverage;
import org.proposalledger.query.projection.Delivery;
import org.proposalledger.query.projection.EventPositions;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.ProposalChangeListener;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A batch's changes to the dashboard counters: per counter document, the sum of the
 * contribution changes of every event in the batch, written as one {@code $inc} per document
 * when the batch ends. Unit and category changes also go, keyed by unit or category, into the
 * session's table documents ({@link CounterStore#tableId}), so that a whole unit or category
 * table is one document read.
 * <p>
 * Exactness under concurrency and re-delivery:
 * <ul>
 *   <li>Events of one proposal always go to the same segment, but a counter document collects
 *   proposals of every segment, so two segments may change it at the same time. {@code $inc}
 *   is atomic and commutative: nothing is lost.</li>
 *   <li>Each document keeps {@code applied.s<segment>}: the positions of the event stream whose
 *   events of that segment it has counted, as a {@link Coverage} of the processor's tracking
 *   tokens (every position up to an index, but the gaps). When the batch ends it reads the
 *   markers of every document it touches (one query per collection) and leaves out every event
 *   whose position the marker covers, so an event re-delivered after a crash (token not yet
 *   stored) is not counted twice. The marker then grows by the tokens of the events counted
 *   (which cover every event of the segment delivered before them, each counted by now). Only
 *   that segment's batch writes that field.</li>
 *   <li>Gaps matter: with several writers appending at once, an event whose transaction commits
 *   late gets a lower global position than events already delivered and counted. It is still
 *   a gap in the marker, so it is counted when it arrives. Its own position is not in its
 *   token, though: a gap-aware token keeps the highest index seen, so the position is read from
 *   the event store ({@link EventPositions}, one query per batch) unless the marker covers the
 *   whole token, which settles it without a look-up. (Comparing tokens is not enough: an event
 *   re-delivered after a gap below it was filled comes with a token covering that gap, which the
 *   marker written at its first delivery does not.)</li>
 *   <li>This buffer is flushed before the proposal documents (the projection opens it at
 *   {@link ProjectionBatch.Order#DERIVED}, see {@link ProposalChangeListener}): if the process dies between
 *   the two, the re-delivered events find the old proposal documents, recompute the same
 *   deltas, and the markers skip them; in the opposite order the deltas would be lost.</li>
 *   <li>An event retried from the dead-letter queue ({@link Delivery#retried}) runs outside its
 *   segment's batches, after later events of that segment were counted: the segment's marker
 *   may cover its position although it was never counted. It is checked by its id instead, kept
 *   under {@code applied.retried} of each document it counted into (docs/dead-letters.md).</li>
 *   <li>A failed event's changes are taken back ({@link #mark}, {@link #undo}) before it is
 *   parked, so the batch writes nothing of it.</li>
 * </ul>
 * Limitation: the markers are per segment id; splitting or merging segments of a processor
 * with events in flight would need the markers carried over (this code never splits or merges).
 */
public final class CounterBuffer implements ProjectionBatch.Flushable, ProjectionBatch.Undoable {

    private static final int READ_CHUNK = 1000;
    /**
     * Under {@code applied}: the ids of dead-lettered events ({@link Delivery#retried}) counted when retried. A retried event
     * runs outside its segment's batches, and the segment's marker may already cover its position
     * (later events of other proposals were counted), so it is checked by its id instead.
     */
    static final String RETRIED = "retried";

    private final CounterStore store;
    private final EventPositions positions;
    private final ZoneId zone;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** Sessions whose unit or category table this batch changes (see {@link CounterStore#TABLES_REVISION}). */
    private final Set<String> tableSessions = new LinkedHashSet<>();
    private final Consumer<Set<String>> onWritten;
    private int segment = 0;
    /** What the current event changed, to take it back (see {@link #undo}). */
    private final Map<String, Touched> touched = new LinkedHashMap<>();
    private Set<String> tableSessionsAtMark;

    /** {@code onWritten} is told, after each flush, which counter documents (scopes) it changed. */
    public CounterBuffer(CounterStore store, EventPositions positions, ZoneId zone, Consumer<Set<String>> onWritten) {
        this.store = store;
        this.positions = positions;
        this.zone = zone;
        this.onWritten = onWritten;
    }

    /** A pending document as it was before the current event first changed it. */
    private record Touched(boolean created, int changes, Map<String, Set<String>> addToSet) {
    }

    /** One event's increments of one document, kept until the document's marker is known. */
    private record Change(Delivery event, Map<String, Long> inc) {
    }

    private static final class Pending {
        final MongoCollection<Document> collection;
        final String id;
        final List<Change> changes = new ArrayList<>();
        final Map<String, Set<String>> addToSet = new LinkedHashMap<>();

        Pending(MongoCollection<Document> collection, String id) {
            this.collection = collection;
            this.id = id;
        }

        void add(Delivery event, Map<String, Long> inc) {
            Change last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            if (last != null && last.event().equals(event)) {
                inc.forEach((f, n) -> last.inc().merge(f, n, Long::sum));
            } else {
                changes.add(new Change(event, new LinkedHashMap<>(inc)));
            }
        }

        boolean isEmpty() {
            return changes.isEmpty() && addToSet.isEmpty();
        }
    }

    private Pending doc(MongoCollection<Document> collection, String id) {
        String key = collection.getNamespace().getCollectionName() + "/" + id;
        Pending p = pending.get(key);
        if (!touched.containsKey(key)) {
            Map<String, Set<String>> sets = new LinkedHashMap<>();
            if (p != null) {
                p.addToSet.forEach((f, v) -> sets.put(f, new LinkedHashSet<>(v)));
            }
            touched.put(key, new Touched(p == null, p == null ? 0 : p.changes.size(), sets));
        }
        if (p == null) {
            p = new Pending(collection, id);
            pending.put(key, p);
        }
        return p;
    }

    @Override
    public void mark() {
        touched.clear();
        tableSessionsAtMark = null;
    }

    @Override
    public void undo() {
        touched.forEach((key, before) -> {
            if (before.created()) {
                pending.remove(key);
                return;
            }
            Pending p = pending.get(key);
            // an event appends its own change (never merges into an earlier event's): cut it off
            p.changes.subList(before.changes(), p.changes.size()).clear();
            p.addToSet.clear();
            p.addToSet.putAll(before.addToSet());
        });
        if (tableSessionsAtMark != null) {
            tableSessions.retainAll(tableSessionsAtMark);
        }
        mark();
    }

    /**
     * Records the change of one event: the proposal went from {@code before} to {@code after}
     * at {@code at}; {@code event} says where the event stands in the stream, in segment
     * {@code segment}.
     */
    public void record(ProposalView before, ProposalView after, Instant at, Delivery event, int segment) {
        collect(store.writes(Contribution.delta(before, after), at.atZone(zone).toLocalDate()), event, segment);
    }

    /** Records the document writes of one event ({@link CounterStore#writes}); see {@link #record(ProposalView, ProposalView, Instant, Delivery, int)}. */
    public void collect(List<CounterStore.Write> writes, Delivery event, int segment) {
        this.segment = segment;
        for (CounterStore.Write w : writes) {
            Pending doc = doc(w.collection(), w.id());
            if (w.inc() != null) {
                doc.add(event, w.inc());
            }
            w.addToSet().forEach((field, value) -> doc.addToSet.computeIfAbsent(field, k -> new LinkedHashSet<>())
                    .add(value));
            if (w.tableSession() != null) {
                if (tableSessionsAtMark == null) {
                    tableSessionsAtMark = new LinkedHashSet<>(tableSessions);
                }
                tableSessions.add(w.tableSession());
            }
        }
    }

    /**
     * The marker's field name: {@code s<segment>}, not the bare number, because the embedded Mongo
     * server reads a numeric path element as an array index and then never matches the
     * compare-and-set filter.
     */
    private String markerKey() {
        return "s" + segment;
    }

    /** Number of documents the next flush would write. */
    public int pending() {
        return (int) pending.values().stream().filter(p -> !p.isEmpty()).count();
    }

    /**
     * The stored {@code applied.s<segment>} marker of each pending document, and the ids of the
     * retried events it counted ({@code applied.retried}) where a retried event is pending, read
     * in one query per collection.
     */
    private Map<String, Object> markers(Map<String, Set<String>> retriedCounted) {
        Map<String, Object> markers = new HashMap<>();
        Map<MongoCollection<Document>, List<String>> ids = new LinkedHashMap<>();
        boolean anyRetried = false;
        for (Pending p : pending.values()) {
            boolean retried = p.changes.stream().anyMatch(c -> c.event().retried());
            anyRetried |= retried;
            if (retried || p.changes.stream().anyMatch(c -> c.event().token() != null)) {
                ids.computeIfAbsent(p.collection, c -> new ArrayList<>()).add(p.id);
            }
        }
        String field = "applied." + markerKey();
        Bson projection = anyRetried ? Projections.include(field, "applied." + RETRIED) : Projections.include(field);
        ids.forEach((collection, list) -> {
            String name = collection.getNamespace().getCollectionName();
            for (int from = 0; from < list.size(); from += READ_CHUNK) {
                List<String> chunk = list.subList(from, Math.min(list.size(), from + READ_CHUNK));
                for (Document d : collection.find(Filters.in("_id", chunk)).projection(projection)) {
                    Document applied = d.get("applied") instanceof Document a ? a : null;
                    Object m = applied == null ? null : applied.get(markerKey());
                    if (m != null) {
                        markers.put(name + "/" + d.get("_id"), m);
                    }
                    if (applied != null && applied.get(RETRIED) instanceof Document r) {
                        retriedCounted.put(name + "/" + d.get("_id"), new java.util.HashSet<>(r.keySet()));
                    }
                }
            }
        });
        return markers;
    }

    /**
     * The global positions of the events whose marker check the tokens do not settle: tracked
     * events whose position the token does not tell, in documents whose marker does not cover
     * the whole token. One look-up for the batch.
     */
    private Map<String, Long> positionsToCheck(Map<String, Coverage> markers) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Coverage marker = markers.get(entry.getKey());
            if (marker == null) {
                continue;
            }
            for (Change c : entry.getValue().changes) {
                Delivery e = c.event();
                if (e.token() != null && e.position() < 0 && !marker.covers(e.token())) {
                    unknown.add(e.eventId());
                }
            }
        }
        return unknown.isEmpty() ? Map.of() : positions.globalIndexes(unknown);
    }

    /** Whether {@code marker} says this document already counted {@code e}. */
    private static boolean counted(Coverage marker, Delivery e, Map<String, Long> looked) {
        if (marker == null || e.token() == null) {
            return false;
        }
        if (marker.covers(e.token())) {
            return true;
        }
        long position = e.position() >= 0 ? e.position() : looked.getOrDefault(e.eventId(), -1L);
        if (position < 0) {
            throw new IllegalStateException("Global position of event " + e.eventId() + " unknown: "
                    + "its token does not tell it and the event store does not list it");
        }
        return marker.covers(position);
    }

    /**
     * After the table documents are written (never before, so a reader that sees the new
     * revision reads tables at least that new), counts up the revision of each session whose
     * tables this batch touched, even when the markers skipped every change (a re-delivery):
     * an extra revision only costs a reader one fresh read.
     */
    private void bumpTablesRevision() {
        if (tableSessions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> bumps = new ArrayList<>();
        for (String session : tableSessions) {
            bumps.add(new UpdateOneModel<>(Filters.eq("_id", Contribution.sessionScope(session)),
                    Updates.combine(Updates.inc(CounterStore.TABLES_REVISION, 1L),
                            Updates.setOnInsert(CounterStore.EPOCH, UUID.randomUUID().toString())),
                    new UpdateOptions().upsert(true)));
        }
        store.counters().bulkWrite(bumps, new BulkWriteOptions().ordered(false));
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Set<String>> retriedCounted = new HashMap<>();
        Map<String, Object> stored = markers(retriedCounted);
        Map<String, Coverage> markers = new HashMap<>();
        stored.forEach((k, v) -> markers.put(k, Coverage.decode(v)));
        Map<String, Long> looked = positionsToCheck(markers);
        String field = "applied." + markerKey();
        Map<MongoCollection<Document>, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Pending p = entry.getValue();
            Coverage marker = markers.get(entry.getKey());
            Map<String, Long> inc = new LinkedHashMap<>();
            Coverage applied = null;
            Set<String> retried = new LinkedHashSet<>();
            Set<String> retriedBefore = retriedCounted.getOrDefault(entry.getKey(), Set.of());
            for (Change c : p.changes) {
                if (counted(marker, c.event(), looked)) {
                    continue;
                }
                if (c.event().retried()) {
                    String key = CounterStore.escapeKey(c.event().eventId());
                    if (retriedBefore.contains(key) || !retried.add(key)) {
                        continue;
                    }
                }
                c.inc().forEach((f, n) -> inc.merge(f, n, Long::sum));
                Coverage token = c.event().token();
                if (token != null) {
                    applied = applied == null ? token : applied.union(token);
                }
            }
            boolean counters = p.collection.getNamespace().getCollectionName().equals(CounterStore.COUNTERS);
            if (counters && !p.id.startsWith(CounterStore.TABLE_PREFIX) && inc.values().stream().anyMatch(n -> n != 0)) {
                changed.add(p.id);
            }
            List<Bson> updates = new ArrayList<>();
            inc.forEach((f, n) -> {
                if (n != 0) {
                    updates.add(Updates.inc(f, n));
                }
            });
            p.addToSet.forEach((f, values) -> updates.add(Updates.addEachToSet(f, new ArrayList<>(values))));
            if (applied != null) {
                updates.add(Updates.set(field, (marker == null ? applied : marker.union(applied)).encode()));
            }
            retried.forEach(id -> updates.add(Updates.set("applied." + RETRIED + "." + id, true)));
            if (updates.isEmpty()) {
                continue;
            }
            if (counters && CounterStore.isSessionScope(p.id)) {
                updates.add(Updates.setOnInsert(CounterStore.EPOCH, UUID.randomUUID().toString()));
            }
            // Compare-and-set on the marker: if another process applied this segment's events to the
            // document since the marker was read (two query sides briefly on one segment while a
            // claim moves), the filter misses, the upsert hits the existing _id, the batch fails and
            // is re-delivered, and the re-read marker skips what was counted. The filter compares
            // the value as stored (a number when written before markers were gap-aware). A sole
            // writer (the embedded server) needs no compare-and-set, and must not pay for it:
            // mongo-java-server uses its _id index only for a filter on _id alone and scans the
            // whole collection otherwise.
            // A retried event is compare-and-set on its id the same way (two processes retrying one
            // dead letter at once, once its claim has timed out).
            Object old = stored.get(entry.getKey());
            List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("_id", p.id)));
            if (!store.soleWriter()) {
                if (applied != null) {
                    conditions.add(old != null ? Filters.eq(field, old) : Filters.exists(field, false));
                }
                retried.forEach(id -> conditions.add(Filters.exists("applied." + RETRIED + "." + id, false)));
            }
            Bson filter = conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
            writes.computeIfAbsent(p.collection, c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    filter, Updates.combine(updates), new UpdateOptions().upsert(true)));
        }
        writes.forEach((c, w) -> c.bulkWrite(w, new BulkWriteOptions().ordered(false)));
        bumpTablesRevision();
        pending.clear();
        tableSessions.clear();
        mark();
        if (!changed.isEmpty()) {
            onWritten.accept(changed);
        }
    }
}
