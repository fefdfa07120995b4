package org.proposalledger.platform.transparency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.proposalledger.api.transparency.EventLeaf;
import org.proposalledger.api.transparency.Hash;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The JDBC engine's event table, read with plain JDBC so nothing (upcasters, deserialization)
 * stands between the stored row and its leaf.
 * <p>
 * Its {@code globalIndex} comes from a sequence taken before commit: a transaction that commits
 * late leaves a gap that fills afterwards. Like Axon's own gap-aware token, the indexes skipped
 * below the highest seen are watched for {@code gapTimeout} (and at most {@value #MAX_GAPS} of
 * them); an event that fills one is logged when it appears, after the events logged meanwhile.
 * Each read also skips what is logged already, so two keepers never log an event twice.
 */
final class JdbcLogEvents implements LogEvents {

    static final int MAX_GAPS = 1000;
    /** After a restart the skipped indexes are unknown: this many below the highest logged are searched again once. */
    static final int RESYNC_WINDOW = 10_000;

    private static final String COLUMNS = "e.globalIndex, e.eventIdentifier, e.type, e.aggregateIdentifier,"
            + " e.sequenceNumber, e.payloadType, e.payloadRevision, e.timeStamp, e.payload, e.metaData";
    private static final String UNLOGGED = " AND NOT EXISTS (SELECT 1 FROM ledger_log_leaf l WHERE l.global_index = e.globalIndex)";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore store;
    private final Duration gapTimeout;
    private final Clock clock;

    private boolean synced;
    private long maxSeen = -1;
    /** global index skipped → when first seen skipped (epoch ms). */
    private NavigableMap<Long, Long> gaps = new TreeMap<>();
    /** After a resync: logged indexes above {@code maxSeen}, which are not gaps. */
    private Set<Long> loggedAbove = Set.of();
    private long pendingMaxSeen;
    private NavigableMap<Long, Long> pendingGaps;

    JdbcLogEvents(LogStore store, Duration gapTimeout, Clock clock) {
        this.store = store;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    @Override
    public List<Stored> next(Connection c, int limit) throws SQLException {
        if (!synced) {
            sync(c);
        }
        long now = clock.millis();
        NavigableMap<Long, Long> g = new TreeMap<>(gaps);
        g.values().removeIf(first -> now - first > gapTimeout.toMillis());
        List<Stored> out = new ArrayList<>();
        if (!g.isEmpty()) {
            for (Stored s : read(c, "e.globalIndex IN (" + "?,".repeat(g.size() - 1) + "?)", g.keySet().toArray(), limit)) {
                out.add(s);
                g.remove(s.globalIndex());
            }
        }
        int remaining = limit - out.size();
        List<Stored> fresh = remaining > 0
                ? read(c, "e.globalIndex > ?", new Object[]{maxSeen}, remaining) : List.of();
        out.addAll(fresh);
        TreeSet<Long> known = new TreeSet<>(loggedAbove);
        fresh.forEach(s -> known.add(s.globalIndex()));
        long upTo;
        if (remaining == 0) {
            upTo = maxSeen; // the gaps filled the batch: read on next time
        } else if (fresh.size() < remaining) {
            upTo = known.isEmpty() ? maxSeen : Math.max(maxSeen, known.last()); // read to the end
        } else {
            upTo = fresh.get(fresh.size() - 1).globalIndex();
        }
        for (long i = Math.max(maxSeen + 1, upTo - MAX_GAPS); i < upTo; i++) {
            if (!known.contains(i)) {
                g.put(i, now);
            }
        }
        while (g.size() > MAX_GAPS) {
            g.pollFirstEntry();
        }
        pendingMaxSeen = upTo;
        pendingGaps = g;
        return out;
    }

    @Override
    public void committed() {
        if (pendingGaps != null) {
            maxSeen = pendingMaxSeen;
            gaps = pendingGaps;
            pendingGaps = null;
            long floor = maxSeen;
            if (!loggedAbove.isEmpty()) {
                Set<Long> rest = new HashSet<>(loggedAbove);
                rest.removeIf(i -> i <= floor);
                loggedAbove = rest;
            }
        }
    }

    @Override
    public void resync() {
        synced = false;
        pendingGaps = null;
    }

    /** Starts {@value #RESYNC_WINDOW} below the highest logged index; what is logged above that is not a gap. */
    private void sync(Connection c) throws SQLException {
        long max = store.maxGlobalIndex(c);
        maxSeen = max < 0 ? -1 : Math.max(-1, max - RESYNC_WINDOW);
        Set<Long> logged = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT global_index FROM ledger_log_leaf WHERE global_index > ?")) {
            s.setLong(1, maxSeen);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    logged.add(r.getLong(1));
                }
            }
        }
        loggedAbove = logged;
        gaps = new TreeMap<>();
        synced = true;
    }

    private List<Stored> read(Connection c, String where, Object[] params, int limit) throws SQLException {
        List<Stored> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM domainevententry e WHERE "
                + where + UNLOGGED + " ORDER BY e.globalIndex")) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.setMaxRows(limit);
            s.setFetchSize(Math.min(limit, 1000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Stored(r.getLong(1), leaf(r)));
                }
            }
        }
        return out;
    }

    @Override
    public Stream<EventLeaf> inLogOrder(long position) {
        return store.query("SELECT " + COLUMNS + " FROM ledger_log_leaf l JOIN domainevententry e"
                + " ON e.globalIndex = l.global_index WHERE l.position >= ? ORDER BY l.position", JdbcLogEvents::leaf,
                position);
    }

    /**
     * The leaf of a stored row. An event without an aggregate (type null: the engine stores its own
     * identifier as the aggregate's) has none in the leaf. A row that cannot be read is still a leaf
     * — metadata that is not JSON hashes as its raw bytes, an unreadable time as the epoch — so a
     * verification reports it at its position.
     */
    static EventLeaf leaf(ResultSet r) throws SQLException {
        String type = r.getString(3);
        byte[] payload = r.getBytes(9);
        byte[] meta = r.getBytes(10);
        Instant time;
        try {
            time = DateTimeUtils.parseInstant(r.getString(8));
        } catch (RuntimeException e) {
            time = Instant.EPOCH;
        }
        Hash metaHash;
        try {
            metaHash = EventLeaf.metaDataSha256(meta == null ? Map.of() : JSON.readValue(meta, MAP));
        } catch (IOException | IllegalArgumentException e) {
            metaHash = Hash.sha256(meta);
        }
        return new EventLeaf(r.getString(2), type, type == null ? null : r.getString(4),
                type == null ? 0 : r.getLong(5), r.getString(6), r.getString(7), time,
                Hash.sha256(payload == null ? new byte[0] : payload), metaHash);
    }
}
