package org.proposalledger.platform.transparency;

import org.proposalledger.api.transparency.Hash;
import org.proposalledger.api.transparency.NodeId;
import org.proposalledger.api.transparency.Subtree;
import org.proposalledger.api.transparency.TreeHashes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The log's tables, beside the event store in the same database (H2 or PostgreSQL; under Axon
 * Server, the database every process has anyway):
 * <ul>
 *   <li>{@code ledger_log_head}: one row, the tree size — and the lock the keepers take turns on;</li>
 *   <li>{@code ledger_log_leaf}: log position → the event's global index (the JDBC engine's
 *       {@code globalIndex}, Axon Server's token) and identifier: the log order, which the
 *       engine's own order (gaps, late commits) is not;</li>
 *   <li>{@code ledger_log_node}: the hash of every complete subtree, keyed {@code (level, index)};
 *       level 0 holds the leaf hashes. Proofs and roots read O(log n) of them in one query;</li>
 *   <li>{@code ledger_log_checkpoint}: every signed checkpoint.</li>
 * </ul>
 * Nothing here is trusted by the verifier: it recomputes leaves from the events and checks hashes
 * against signed roots.
 */
public class LogStore implements TreeHashes {

    static final int MAX_NODES_PER_QUERY = 128;

    private final DataSource dataSource;

    public LogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void createTables() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String bytes = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                    ? "BYTEA" : "VARBINARY(32)";
            s.execute("CREATE TABLE IF NOT EXISTS ledger_log_head (id INT PRIMARY KEY, tree_size BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS ledger_log_leaf (position BIGINT PRIMARY KEY,"
                    + " global_index BIGINT NOT NULL UNIQUE, event_id VARCHAR(255) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE IF NOT EXISTS ledger_log_node (level INT NOT NULL, node_index BIGINT NOT NULL,"
                    + " hash " + bytes + " NOT NULL, PRIMARY KEY (level, node_index))");
            s.execute("CREATE TABLE IF NOT EXISTS ledger_log_checkpoint (tree_size BIGINT PRIMARY KEY,"
                    + " root_hash " + bytes + " NOT NULL, signed_at BIGINT NOT NULL, key_id VARCHAR(255) NOT NULL,"
                    + " note VARCHAR(4000) NOT NULL)");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ledger_log_head")) {
                r.next();
                if (r.getLong(1) == 0) {
                    s.execute("INSERT INTO ledger_log_head (id, tree_size) VALUES (1, 0)");
                }
            }
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // another process inserted the head row at the same moment
                throw new IllegalStateException("Cannot create the transparency log tables", e);
            }
        }
    }

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tree_size FROM ledger_log_head WHERE id = 1")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The tree as it stood at {@code size} (which must not exceed the stored size): one read for the check. */
    public TreeHashes at(long size) {
        long stored = size();
        if (size < 0 || size > stored) {
            throw new IllegalArgumentException("the log holds " + stored + " events, not " + size);
        }
        LogStore store = this;
        return new TreeHashes() {
            public long size() {
                return size;
            }

            public Hash subtree(long start, int level) {
                return store.subtree(start, level);
            }

            public List<Hash> subtrees(List<NodeId> nodes) {
                return store.subtrees(nodes);
            }
        };
    }

    @Override
    public Hash subtree(long start, int level) {
        return subtrees(List.of(NodeId.at(start, level))).get(0);
    }

    @Override
    public List<Hash> subtrees(List<NodeId> nodes) {
        try (Connection c = dataSource.getConnection()) {
            return subtrees(c, nodes);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** One query per {@value #MAX_NODES_PER_QUERY} nodes (a proof needs at most about 2 log2 n). */
    List<Hash> subtrees(Connection c, List<NodeId> nodes) throws SQLException {
        Map<NodeId, Hash> found = new HashMap<>();
        for (int from = 0; from < nodes.size(); from += MAX_NODES_PER_QUERY) {
            List<NodeId> part = nodes.subList(from, Math.min(nodes.size(), from + MAX_NODES_PER_QUERY));
            StringBuilder sql = new StringBuilder("SELECT level, node_index, hash FROM ledger_log_node WHERE ");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(level = ? AND node_index = ?)");
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (NodeId n : part) {
                    s.setInt(p++, n.level());
                    s.setLong(p++, n.index());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(new NodeId(r.getInt(1), r.getLong(2)), Hash.of(r.getBytes(3)));
                    }
                }
            }
        }
        List<Hash> out = new ArrayList<>(nodes.size());
        for (NodeId n : nodes) {
            Hash h = found.get(n);
            if (h == null) {
                throw new IllegalStateException("the log's node table lacks the subtree " + n);
            }
            out.add(h);
        }
        return out;
    }

    /** The head row, locked until {@code c}'s transaction ends: one keeper at a time appends. */
    long lockHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tree_size FROM ledger_log_head WHERE id = 1 FOR UPDATE")) {
            if (!r.next()) {
                throw new IllegalStateException("the log's head row is missing");
            }
            return r.getLong(1);
        }
    }

    long maxGlobalIndex(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MAX(global_index) FROM ledger_log_leaf")) {
            r.next();
            long max = r.getLong(1);
            return r.wasNull() ? -1 : max;
        }
    }

    /** One logged event: its position, where it is in the event store, and its identifier. */
    record Entry(long position, long globalIndex, String eventId) {
    }

    void append(Connection c, List<Entry> entries, List<Subtree> nodes, long newSize) throws SQLException {
        try (PreparedStatement leaf = c.prepareStatement(
                "INSERT INTO ledger_log_leaf (position, global_index, event_id) VALUES (?, ?, ?)");
             PreparedStatement node = c.prepareStatement(
                     "INSERT INTO ledger_log_node (level, node_index, hash) VALUES (?, ?, ?)");
             PreparedStatement head = c.prepareStatement("UPDATE ledger_log_head SET tree_size = ? WHERE id = 1")) {
            for (Entry e : entries) {
                leaf.setLong(1, e.position());
                leaf.setLong(2, e.globalIndex());
                leaf.setString(3, e.eventId());
                leaf.addBatch();
            }
            leaf.executeBatch();
            for (Subtree s : nodes) {
                node.setInt(1, s.level());
                node.setLong(2, s.index());
                node.setBytes(3, s.hash().bytes());
                node.addBatch();
            }
            node.executeBatch();
            head.setLong(1, newSize);
            head.executeUpdate();
        }
    }

    public OptionalLong positionOf(String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT position FROM ledger_log_leaf WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The identifier of the event logged at {@code position}, as the log's table says. */
    public Optional<String> eventIdAt(long position) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT event_id FROM ledger_log_leaf WHERE position = ?")) {
            s.setLong(1, position);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The recorded leaf hashes of positions {@code [from, from + limit)}. */
    public List<Hash> leafHashes(long from, int limit) {
        try (Stream<Hash> s = query("SELECT hash FROM ledger_log_node WHERE level = 0 AND node_index >= ?"
                + " ORDER BY node_index", r -> Hash.of(r.getBytes(1)), from)) {
            return s.limit(limit).toList();
        }
    }

    /** The recorded leaf hashes from position 0, streamed (close the stream). */
    public Stream<Hash> leafHashes() {
        return query("SELECT hash FROM ledger_log_node WHERE level = 0 ORDER BY node_index", r -> Hash.of(r.getBytes(1)));
    }

    // checkpoints

    /** A signed checkpoint as stored: the note is the whole signed text. */
    public record Stored(long size, Hash root, Instant signedAt, String keyId, String note) {
    }

    void saveCheckpoint(Connection c, Stored cp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_log_checkpoint"
                + " (tree_size, root_hash, signed_at, key_id, note) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, cp.size());
            s.setBytes(2, cp.root().bytes());
            s.setLong(3, cp.signedAt().toEpochMilli());
            s.setString(4, cp.keyId());
            s.setString(5, cp.note());
            s.executeUpdate();
        }
    }

    public Optional<Stored> latestCheckpoint() {
        return checkpoint("SELECT tree_size, root_hash, signed_at, key_id, note FROM ledger_log_checkpoint"
                + " WHERE tree_size = (SELECT MAX(tree_size) FROM ledger_log_checkpoint)", null);
    }

    public Optional<Stored> checkpoint(long size) {
        return checkpoint("SELECT tree_size, root_hash, signed_at, key_id, note FROM ledger_log_checkpoint"
                + " WHERE tree_size = ?", size);
    }

    Optional<Stored> latestCheckpoint(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT tree_size, root_hash, signed_at, key_id, note"
                + " FROM ledger_log_checkpoint WHERE tree_size = (SELECT MAX(tree_size) FROM ledger_log_checkpoint)");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(stored(r)) : Optional.empty();
        }
    }

    /** The newest {@code limit} checkpoints, newest first. */
    public List<Stored> checkpoints(int limit) {
        try (Stream<Stored> s = query("SELECT tree_size, root_hash, signed_at, key_id, note FROM ledger_log_checkpoint"
                + " ORDER BY tree_size DESC", LogStore::stored)) {
            return s.limit(limit).toList();
        }
    }

    private Optional<Stored> checkpoint(String sql, Long size) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (size != null) {
                s.setLong(1, size);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(stored(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static Stored stored(ResultSet r) throws SQLException {
        return new Stored(r.getLong(1), Hash.of(r.getBytes(2)), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
                r.getString(5));
    }

    // streaming reads

    interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    /**
     * A lazily read query result; closing the stream ends the read. Inside a transaction with a
     * fetch size, so PostgreSQL streams rather than loading the whole result.
     */
    <T> Stream<T> query(String sql, RowMapper<T> mapper, Object... params) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.setFetchSize(1000);
            ResultSet r = s.executeQuery();
            Connection conn = c;
            Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super T> action) {
                    try {
                        if (!r.next()) {
                            return false;
                        }
                        action.accept(mapper.map(r));
                        return true;
                    } catch (SQLException e) {
                        throw unreadable(e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> {
                try (conn; s; r) {
                    conn.rollback();
                    conn.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the read is over either way
                }
            });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            throw unreadable(e);
        }
    }

    static IllegalStateException unreadable(SQLException e) {
        return new IllegalStateException("The transparency log is unreadable: " + e.getMessage(), e);
    }
}
