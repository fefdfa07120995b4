package org.proposalledger.platform.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.proposalledger.platform.transparency.LogReport;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Recomputes the chain from the rows of the JDBC engine's event table (Axon's default schema),
 * hashing the stored bytes — the store is read with plain JDBC, not through Axon, so nothing
 * (upcasters, deserialization) stands between the rows and the check.
 */
public class ChainVerifier {

    private static final String COLUMNS = "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
            + "payloadRevision, payload, metaData";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final Supplier<LogReport> log;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code dataSource} null when events are not in a JDBC table (Axon Server): nothing to verify here. */
    public ChainVerifier(DataSource dataSource) {
        this(dataSource, () -> null);
    }

    /** {@code log} checks the transparency log as part of {@link #verifyAll()}. */
    public ChainVerifier(DataSource dataSource, Supplier<LogReport> log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    public boolean available() {
        return dataSource != null;
    }

    private void requireAvailable() {
        if (dataSource == null) {
            throw new UnsupportedOperationException(
                    "Chain verification reads the JDBC event table; this process stores events in Axon Server");
        }
    }

    public ChainReport verify(String aggregateId) {
        requireAvailable();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM domainevententry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return check(aggregateId, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Event store unreadable", e);
        }
    }

    /** Every aggregate in one ordered pass over the table (the unique key's index gives the order). */
    public ChainSummary verifyAll() {
        requireAvailable();
        long aggregates = 0, intact = 0, broken = 0, unchainedOnly = 0, events = 0, unchainedEvents = 0;
        List<ChainReport> firstBroken = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM domainevententry"
                    + " WHERE type IS NOT NULL ORDER BY aggregateIdentifier, sequenceNumber")) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    List<Row> rows = new ArrayList<>();
                    String current = null;
                    boolean more = rs.next();
                    while (more || current != null) {
                        Row row = more ? row(rs) : null;
                        if (row == null || !row.aggregateId().equals(current)) {
                            if (current != null) {
                                ChainReport r = check(current, rows);
                                aggregates++;
                                events += r.events();
                                unchainedEvents += r.unchained();
                                if (r.broken()) {
                                    broken++;
                                    if (firstBroken.size() < ChainSummary.MAX_LISTED) {
                                        firstBroken.add(r);
                                    }
                                } else if (r.chained() == 0) {
                                    unchainedOnly++;
                                } else {
                                    intact++;
                                }
                            }
                            rows.clear();
                            current = row == null ? null : row.aggregateId();
                        }
                        if (row != null) {
                            rows.add(row);
                            more = rs.next();
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Event store unreadable", e);
        }
        return new ChainSummary(aggregates, intact, broken, unchainedOnly, events, unchainedEvents, firstBroken,
                log.get());
    }

    record Row(String aggregateId, long sequence, String type, String timestamp, String payloadType,
               String payloadRevision, byte[] payload, Map<String, Object> metaData) {
        String storedHash() {
            Object h = metaData.get(EventChain.HASH);
            return h == null ? null : h.toString();
        }

        String storedPrevious() {
            Object h = metaData.get(EventChain.PREVIOUS);
            return h == null ? null : h.toString();
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        byte[] meta = rs.getBytes("metaData");
        Map<String, Object> metaData;
        try {
            metaData = meta == null ? Map.of() : json.readValue(meta, MAP);
        } catch (IOException e) {
            metaData = new HashMap<>(); // unreadable metadata: no hash, so a chained stream reports it
        }
        return new Row(rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"), rs.getString("type"),
                rs.getString("timeStamp"), rs.getString("payloadType"), rs.getString("payloadRevision"),
                rs.getBytes("payload"), metaData);
    }

    static ChainReport check(String aggregateId, List<Row> rows) {
        if (rows.isEmpty()) {
            return new ChainReport(aggregateId, ChainReport.UNKNOWN, 0, 0, 0, null, null, "no events", null);
        }
        long expected = 0, chained = 0, unchained = 0;
        String previous = EventChain.GENESIS;
        boolean chainStarted = false;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.sequence() != expected) {
                return broken(aggregateId, rows, chained, unchained, expected, "event-missing",
                        "expected sequence " + expected + ", the next stored is " + row.sequence());
            }
            String stored = row.storedHash();
            if (stored == null) {
                if (chainStarted) {
                    return broken(aggregateId, rows, chained, unchained, row.sequence(), "hash-missing",
                            "a chained stream has an event without a hash");
                }
                unchained++;
                expected++;
                continue;
            }
            chainStarted = true;
            String computed = EventChain.hash(new EventChain.Link(row.type(), aggregateId, row.sequence(),
                    row.payloadType(), row.payloadRevision(), row.timestamp(), row.payload(), row.metaData(),
                    previous));
            if (!computed.equals(stored)) {
                String claimed = row.storedPrevious();
                if (claimed != null && !claimed.equals(previous)) {
                    for (int j = i + 1; j < rows.size(); j++) {
                        if (claimed.equals(rows.get(j).storedHash())) {
                            return broken(aggregateId, rows, chained, unchained, row.sequence(), "order-changed",
                                    "this event was stored after the event now at sequence " + rows.get(j).sequence());
                        }
                    }
                    return broken(aggregateId, rows, chained, unchained, row.sequence(), "link-altered",
                            "its link to the previous event does not match that event's hash");
                }
                return broken(aggregateId, rows, chained, unchained, row.sequence(), "payload-altered",
                        "the stored event (" + simpleName(row.payloadType())
                                + ") no longer matches its hash: payload, type, timestamp or actor changed");
            }
            chained++;
            previous = stored;
            expected++;
        }
        return new ChainReport(aggregateId, ChainReport.INTACT, rows.size(), chained, unchained, null, null, null,
                chainStarted ? previous : null);
    }

    private static ChainReport broken(String id, List<Row> rows, long chained, long unchained, long at,
                                      String problem, String detail) {
        return new ChainReport(id, ChainReport.BROKEN, rows.size(), chained, unchained, at, problem, detail, null);
    }

    private static String simpleName(String type) {
        Objects.requireNonNull(type, "payloadType");
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
