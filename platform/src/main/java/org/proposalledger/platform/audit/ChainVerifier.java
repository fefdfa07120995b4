package org.proposalledger.platform.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.proposalledger.platform.transparency.LogReport;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    private final EventStore eventStore;
    private final Serializer serializer;
    private final Supplier<LogReport> log;
    private final ObjectMapper json = new ObjectMapper();

    /** Over the JDBC event table. */
    public ChainVerifier(DataSource dataSource) {
        this(dataSource, null, null, () -> null);
    }

    /**
     * Over the JDBC event table when {@code dataSource} is given, else through Axon's event store
     * API (Axon Server: its events are read as the store hands them over, payloads serialized with
     * {@code serializer}); {@code log} checks the transparency log as part of {@link #verifyAll()}.
     */
    public ChainVerifier(DataSource dataSource, EventStore eventStore, Serializer serializer, Supplier<LogReport> log) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.log = log;
    }

    public boolean available() {
        return dataSource != null || eventStore != null;
    }

    private void requireAvailable() {
        if (!available()) {
            throw new UnsupportedOperationException("No event store to verify");
        }
    }

    public ChainReport verify(String aggregateId) {
        requireAvailable();
        if (dataSource == null) {
            return check(aggregateId, rowsThroughApi(aggregateId));
        }
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
        if (dataSource == null) {
            return verifyAllThroughApi();
        }
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

    /**
     * Axon Server: one pass over the whole stream for the aggregate identifiers, then each
     * aggregate's events read as an aggregate is loaded.
     */
    private ChainSummary verifyAllThroughApi() {
        Set<String> ids = new LinkedHashSet<>();
        try (BlockingStream<TrackedEventMessage<?>> all = eventStore.openStream(null)) {
            while (all.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                if (all.nextAvailable() instanceof DomainEventMessage<?> d && d.getType() != null) {
                    ids.add(d.getAggregateIdentifier());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
        long intact = 0, broken = 0, unchainedOnly = 0, events = 0, unchainedEvents = 0;
        List<ChainReport> firstBroken = new ArrayList<>();
        for (String id : ids) {
            ChainReport r = check(id, rowsThroughApi(id));
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
        return new ChainSummary(ids.size(), intact, broken, unchainedOnly, events, unchainedEvents, firstBroken,
                log.get());
    }

    /** An aggregate's events through the API, as rows: the payload as the store hands it over, serialized. */
    private List<Row> rowsThroughApi(String aggregateId) {
        List<Row> rows = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> e = stream.next();
            SerializedObject<byte[]> payload = e.serializePayload(serializer, byte[].class);
            rows.add(new Row(aggregateId, e.getSequenceNumber(), e.getType(), DateTimeUtils.formatInstant(e.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    new HashMap<>(e.getMetaData())));
        }
        return rows;
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
