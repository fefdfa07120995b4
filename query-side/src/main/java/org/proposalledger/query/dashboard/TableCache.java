package org.proposalledger.query.dashboard;

import org.bson.Document;
import org.proposalledger.api.query.dashboard.ScopeCounts;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of the unit and category tables as last read, each with the revision of its session
 * document ({@link CounterStore#TABLES_REVISION}, {@link CounterStore#EPOCH}) read just before.
 * A table document holds every unit's counts and reply-time histogram — thousands of fields — while
 * the session document is small and read for every table anyway; when its revision has not moved,
 * the table has not changed since and is not read again. The revision lives in MongoDB, so this
 * holds for every query-side process, whichever of them wrote the change.
 */
final class TableCache {

    /** Sessions × two tables; beyond this the cache starts afresh (a miss costs one read). */
    private static final int MAX_ENTRIES = 1024;

    private record Entry(Object epoch, long revision, Map<String, ScopeCounts> rows) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The rows of table {@code id} if they are known for the revision {@code session} shows; else null. */
    Map<String, ScopeCounts> rows(String id, Document session) {
        Entry e = entries.get(id);
        if (e == null || session == null || !(session.get(CounterStore.TABLES_REVISION) instanceof Number n)) {
            return null;
        }
        return e.revision() == n.longValue() && Objects.equals(e.epoch(), session.get(CounterStore.EPOCH))
                ? e.rows() : null;
    }

    /** Keeps rows read after {@code session}, unless the session document carries no revision. */
    void keep(String id, Document session, Map<String, ScopeCounts> rows) {
        if (session == null || !(session.get(CounterStore.TABLES_REVISION) instanceof Number n)
                || session.get(CounterStore.EPOCH) == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(id, new Entry(session.get(CounterStore.EPOCH), n.longValue(), Map.copyOf(rows)));
    }
}
