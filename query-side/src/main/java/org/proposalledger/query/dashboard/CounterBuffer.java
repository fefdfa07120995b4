package org.proposalledger.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.query.projection.ProjectionBatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch's changes to the dashboard counters: per counter document, the sum of the
 * contribution changes of every event in the batch, written as one {@code $inc} per document
 * when the batch ends.
 * <p>
 * Exactness under concurrency and re-delivery:
 * <ul>
 *   <li>Events of one proposal always go to the same segment, but a counter document collects
 *   proposals of every segment, so two segments may change it at the same time. {@code $inc}
 *   is atomic and commutative: nothing is lost.</li>
 *   <li>Each document keeps {@code applied.<segment>} = the global position of the last event
 *   of that segment it has counted. The batch reads it when it first touches the document
 *   and leaves out every event at or below it, so an event re-delivered after a crash (token
 *   not yet stored) is not counted twice. Only that segment's batch writes that field.</li>
 *   <li>This buffer must be flushed before the proposal documents (the projection creates it
 *   first, and {@link ProjectionBatch} flushes in creation order): if the process dies between
 *   the two, the re-delivered events find the old proposal documents, recompute the same
 *   deltas, and the markers skip them; in the opposite order the deltas would be lost.</li>
 * </ul>
 * Limitation: the markers are per segment id; splitting or merging segments of a processor
 * with events in flight would need the markers carried over (this code never splits or merges).
 */
public final class CounterBuffer implements ProjectionBatch.Flushable {

    private final CounterStore store;
    private final ZoneId zone;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Consumer<Set<String>> onWritten;

    /** {@code onWritten} is told, after each flush, which counter documents (scopes) it changed. */
    public CounterBuffer(CounterStore store, ZoneId zone, Consumer<Set<String>> onWritten) {
        this.store = store;
        this.zone = zone;
        this.onWritten = onWritten;
    }

    private final class Pending {
        final MongoCollection<Document> collection;
        final String id;
        final long marker;
        final Map<String, Long> inc = new LinkedHashMap<>();
        final Map<String, Set<String>> addToSet = new LinkedHashMap<>();
        long last = -1;

        Pending(MongoCollection<Document> collection, String id, int segment) {
            this.collection = collection;
            this.id = id;
            Document doc = collection.find(Filters.eq("_id", id)).first();
            Object m = doc != null && doc.get("applied") instanceof Document applied
                    ? applied.get(String.valueOf(segment)) : null;
            this.marker = m instanceof Number n ? n.longValue() : -1;
        }

        boolean counts(long position) {
            return position < 0 || position > marker;
        }

        boolean isEmpty() {
            return inc.isEmpty() && addToSet.isEmpty();
        }
    }

    private Pending doc(MongoCollection<Document> collection, String id, int segment) {
        return pending.computeIfAbsent(collection.getNamespace().getCollectionName() + "/" + id,
                k -> new Pending(collection, id, segment));
    }

    private int segment = 0;

    /**
     * Records the change of one event: the proposal went from {@code before} to {@code after}
     * at {@code at}; {@code position} is the event's global position (-1 when unknown, which
     * skips the re-delivery check) in segment {@code segment}.
     */
    public void record(ProposalView before, ProposalView after, Instant at, long position, int segment) {
        this.segment = segment;
        Map<String, ScopeCounts> delta = Contribution.delta(before, after);
        if (delta.isEmpty()) {
            return;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(day);
        String dayPrefix = String.format("days.%02d.", day.getDayOfMonth());
        for (Map.Entry<String, ScopeCounts> e : delta.entrySet()) {
            String scope = e.getKey();
            Pending counter = doc(store.counters(), scope, segment);
            if (counter.counts(position)) {
                CounterStore.increments(e.getValue(), "").forEach((f, n) -> counter.inc.merge(f, n, Long::sum));
                counter.addToSet.computeIfAbsent("months", k -> new LinkedHashSet<>()).add(month.toString());
                counter.last = Math.max(counter.last, position);
                member(counter, scope);
            }
            Pending days = doc(store.days(), CounterStore.monthId(scope, month), segment);
            if (days.counts(position)) {
                CounterStore.increments(e.getValue(), dayPrefix).forEach((f, n) -> days.inc.merge(f, n, Long::sum));
                days.last = Math.max(days.last, position);
            }
        }
    }

    /** Lists unit, category and deputy scopes in their session's document. */
    private void member(Pending counter, String scope) {
        String[] parts = scope.split("\\|");
        if (parts.length != 3) {
            return;
        }
        String list = switch (parts[0]) {
            case "u" -> "units";
            case "c" -> "categories";
            case "d" -> "deputies";
            default -> null;
        };
        if (list != null) {
            Pending session = doc(store.counters(), Contribution.sessionScope(parts[1]), segment);
            session.addToSet.computeIfAbsent(list, k -> new LinkedHashSet<>()).add(parts[2]);
        }
    }

    /** Number of documents the next flush would write. */
    public int pending() {
        return (int) pending.values().stream().filter(p -> !p.isEmpty()).count();
    }

    @Override
    public void flush() {
        Map<MongoCollection<Document>, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Pending p : pending.values()) {
            if (p.collection.getNamespace().getCollectionName().equals(CounterStore.COUNTERS)) {
                if (p.inc.values().stream().anyMatch(n -> n != 0)) {
                    changed.add(p.id);
                }
            }
            if (p.isEmpty()) {
                continue;
            }
            List<Bson> updates = new ArrayList<>();
            p.inc.forEach((f, n) -> {
                if (n != 0) {
                    updates.add(Updates.inc(f, n));
                }
            });
            p.addToSet.forEach((f, values) -> updates.add(Updates.addEachToSet(f, new ArrayList<>(values))));
            if (p.last >= 0) {
                updates.add(Updates.set("applied." + segment, p.last));
            }
            if (updates.isEmpty()) {
                continue;
            }
            // Compare-and-set on the marker: if another process applied this segment's events to the
            // document since the marker was read (two query sides briefly on one segment while a
            // claim moves), the filter misses, the upsert hits the existing _id, the batch fails and
            // is re-delivered, and the re-read marker skips what was counted.
            Bson filter = p.last < 0 ? Filters.eq("_id", p.id)
                    : Filters.and(Filters.eq("_id", p.id), p.marker >= 0
                    ? Filters.eq("applied." + segment, p.marker)
                    : Filters.exists("applied." + segment, false));
            writes.computeIfAbsent(p.collection, c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    filter, Updates.combine(updates), new UpdateOptions().upsert(true)));
        }
        writes.forEach((c, w) -> c.bulkWrite(w, new BulkWriteOptions().ordered(false)));
        pending.clear();
        if (!changed.isEmpty()) {
            onWritten.accept(changed);
        }
    }
}
