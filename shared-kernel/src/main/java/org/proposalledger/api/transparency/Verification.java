package org.proposalledger.api.transparency;

/** What {@link LogVerifier} found. */
public sealed interface Verification {

    /** Whether the store still holds exactly the history the checkpoints sign. */
    default boolean intact() {
        return this instanceof Intact;
    }

    /** The store's first {@code checkpoint.size()} events are exactly the history the checkpoint signs. */
    record Intact(Checkpoint checkpoint) implements Verification {
    }

    /**
     * The history differs first at {@code position}: every event before it is the one logged there,
     * the event at it is not.
     */
    record Differs(Checkpoint checkpoint, long position, Difference difference, String detail) implements Verification {
    }

    /**
     * The history differs first somewhere in {@code [from, to)}: the events before {@code from} are
     * proven intact (by a checkpoint that still matches), but the store's recorded leaf hashes do not
     * hash to a signed root (they were rewritten too, or it keeps none), so nothing names the position
     * more closely. Keeping more checkpoints narrows it. {@code eventsRead} is how many events the
     * store gave, up to the checkpoint's size: fewer when the store ends early.
     */
    record DiffersWithin(Checkpoint checkpoint, long from, long to, long eventsRead, String detail)
            implements Verification {
    }

    /** A checkpoint was not accepted: malformed, of another log, or not signed by the log key. */
    record CheckpointRejected(String reason) implements Verification {
    }

    /** How the event at the first differing position relates to the logged history. */
    enum Difference {
        /** The event at this position is not the one logged there, and neither is it logged elsewhere: altered or replaced. */
        CHANGED,
        /** The event logged here is gone; the event now here was logged later. */
        DELETED,
        /** The event here was never logged (or repeats an earlier one); the event logged here now stands later. */
        INSERTED,
        /** The event logged here now stands later, and the event now here was logged later too. */
        REORDERED,
        /** The store ends here, before the checkpoint's size: this and every later logged event is gone. */
        MISSING
    }
}
