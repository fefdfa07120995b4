package org.proposalledger.platform.transparency;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.proposalledger.api.transparency.EventLeaf;
import org.proposalledger.api.transparency.Hash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Events read through Axon's event store API — how the log is kept under Axon Server, whose
 * tables nobody reads. The token order is the store's one global order, without gaps, so it is
 * the log order. The leaf takes the payload as the store hands it over, serialized
 * ({@code serializePayload} of a stored message returns its stored bytes unread), and the metadata
 * as its typed values, which the leaf's canonical form hashes as it hashes a JDBC row's JSON.
 * <p>
 * Under Axon Server those bytes have passed the upcaster chain: an upcaster added later that
 * rewrites old events changes their leaves (docs/transparency-log.md).
 */
final class AxonLogEvents implements LogEvents {

    private static final int WAIT_MS = 100;

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final Serializer serializer;
    private final LogStore store;

    private boolean synced;
    private long last = -1;
    private long pending = -1;

    AxonLogEvents(StreamableMessageSource<TrackedEventMessage<?>> source, Serializer serializer, LogStore store) {
        this.source = source;
        this.serializer = serializer;
        this.store = store;
    }

    @Override
    public List<Stored> next(Connection c, int limit) throws SQLException {
        if (!synced) {
            last = store.maxGlobalIndex(c);
            synced = true;
        }
        List<Stored> out = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(token(last))) {
            while (out.size() < limit && stream.hasNextAvailable(WAIT_MS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> m = stream.nextAvailable();
                out.add(new Stored(position(m.trackingToken()), leaf(m)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending = out.isEmpty() ? last : out.get(out.size() - 1).globalIndex();
        return out;
    }

    @Override
    public void committed() {
        last = pending;
    }

    @Override
    public void resync() {
        synced = false;
    }

    @Override
    public Stream<EventLeaf> inLogOrder(long position) {
        long before = -1;
        if (position > 0) {
            try (Connection c = store.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT global_index FROM ledger_log_leaf WHERE position = ?")) {
                s.setLong(1, position - 1);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Stream.empty();
                    }
                    before = r.getLong(1);
                }
            } catch (SQLException e) {
                throw LogStore.unreadable(e);
            }
        }
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(token(before));
        Iterator<EventLeaf> leaves = new Iterator<>() {
            Boolean more;

            public boolean hasNext() {
                if (more == null) {
                    try {
                        more = stream.hasNextAvailable(WAIT_MS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        more = false;
                    }
                }
                return more;
            }

            public EventLeaf next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                more = null;
                try {
                    return leaf(stream.nextAvailable());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(leaves, Spliterator.ORDERED), false)
                .onClose(stream::close);
    }

    private static TrackingToken token(long lastIndex) {
        return lastIndex < 0 ? null : new GlobalSequenceTrackingToken(lastIndex);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
    }

    /** The leaf of a message as the store gave it. */
    EventLeaf leaf(TrackedEventMessage<?> m) {
        SerializedObject<byte[]> payload = m.serializePayload(serializer, byte[].class);
        String type = m instanceof DomainEventMessage<?> d ? d.getType() : null;
        Hash metaHash;
        try {
            metaHash = EventLeaf.metaDataSha256(m.getMetaData());
        } catch (IllegalArgumentException e) {
            metaHash = Hash.sha256(m.getMetaData().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new EventLeaf(m.getIdentifier(), type, type == null ? null : ((DomainEventMessage<?>) m).getAggregateIdentifier(),
                type == null ? 0 : ((DomainEventMessage<?>) m).getSequenceNumber(), payload.getType().getName(),
                payload.getType().getRevision(), m.getTimestamp(), Hash.sha256(payload.getData()), metaHash);
    }

}
