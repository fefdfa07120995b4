package org.proposalledger.platform.transparency;

/**
 * The log checked against the checkpoints kept (the signed ones in the log's table and the copy
 * outside the database): {@code status} INTACT (the store holds exactly the signed history as a
 * prefix), DIFFERS (first at {@code position}, {@code difference} CHANGED / DELETED / INSERTED /
 * REORDERED / MISSING), DIFFERS_WITHIN (first somewhere in [{@code from}, {@code to}): the stored
 * hashes were rewritten too), CHECKPOINT_REJECTED (a kept checkpoint is not the log's, or two
 * contradict each other), NO_CHECKPOINT (nothing signed yet) or UNAVAILABLE (no log, or no key
 * to check with). {@code loggedEventId} names the event the log holds at {@code position}.
 */
public record LogReport(String status, Long checkpointSize, String checkpointRoot, int checkpoints,
                        Long position, Long from, Long to, String difference, String loggedEventId,
                        String detail) {

    public static final String INTACT = "INTACT";
    public static final String DIFFERS = "DIFFERS";
    public static final String DIFFERS_WITHIN = "DIFFERS_WITHIN";
    public static final String CHECKPOINT_REJECTED = "CHECKPOINT_REJECTED";
    public static final String NO_CHECKPOINT = "NO_CHECKPOINT";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    /** Whether the store departs from what the log signed. */
    public boolean broken() {
        return DIFFERS.equals(status) || DIFFERS_WITHIN.equals(status) || CHECKPOINT_REJECTED.equals(status);
    }

    static LogReport of(String status, String detail) {
        return new LogReport(status, null, null, 0, null, null, null, null, null, detail);
    }
}
