package org.proposalledger.platform.transparency;

import org.proposalledger.api.audit.CheckpointPublished;
import org.proposalledger.api.transparency.EventLeaf;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the log's events come from: the JDBC engine's table read row by row ({@link JdbcLogEvents})
 * or Axon's event store API ({@link AxonLogEvents}, for Axon Server). Leaves are always computed
 * from the stored form, so the keeper and a later verification compute the same leaf.
 */
interface LogEvents {

    /** An event to log: where it is in the store (the global index or token position) and its leaf. */
    record Stored(long globalIndex, EventLeaf leaf) {
        /** The log's own announcements, which alone do not call for a new checkpoint. */
        boolean isCheckpoint() {
            return CHECKPOINT_TYPE.equals(leaf.payloadType());
        }
    }

    String CHECKPOINT_TYPE = CheckpointPublished.class.getName();

    /**
     * Up to {@code limit} stored events not logged yet, in the order to log them. Called by one
     * keeper at a time, holding the head lock on {@code c}; what it remembers of the store moves on
     * only with {@link #committed()}.
     */
    List<Stored> next(Connection c, int limit) throws SQLException;

    /** The events handed out by the last {@link #next} are in the log. */
    void committed();

    /** Forgets where it was (another keeper appended, or a transaction failed); {@link #next} finds its place again. */
    void resync();

    /** The logged events in log order from {@code position}: a deleted one is simply absent. Close the stream. */
    Stream<EventLeaf> inLogOrder(long position);
}
