package org.proposalledger.query.projection;

/**
 * A read model derived from the proposals' changes (the dashboard counters). The proposals
 * projection opens each listener's buffer in the batch at {@link ProjectionBatch.Order#DERIVED}, so
 * it is written before the proposals' documents whatever the order the buffers were created in:
 * if the process dies between the two writes, the re-delivered events find the old proposal
 * documents and recompute the same changes. In the opposite order the documents would already be
 * new, the fold would change nothing, and the listener would never hear of the change.
 */
public interface ProposalChangeListener {

    /** A batch's collected changes for one listener. */
    interface Buffer extends ProjectionBatch.Flushable {

        void changed(ProposalChange change);
    }

    /** The name of this listener's buffer in a batch. */
    String bufferName();

    /** A new, empty buffer for one batch. */
    Buffer newBuffer();

    /** The proposals projection is being reset (a replay from the start): drop what was derived. */
    void reset();
}
