package org.proposalledger.platform.audit;

import org.proposalledger.platform.transparency.LogReport;

import java.util.List;

/**
 * Counts of a whole-store verification: aggregates whose chain holds, is broken, or which hold
 * only unchained (pre-chain) events; events in all; the first broken ones in detail; and the
 * transparency log checked against its latest checkpoints ({@code log}), which sees what no
 * chain can: a proposal's latest event deleted, a tail dropped, a stream rewritten with
 * recomputed hashes.
 */
public record ChainSummary(long aggregates, long intact, long broken, long unchainedOnly, long events,
                           long unchainedEvents, List<ChainReport> firstBroken, LogReport log) {

    /** Whether anything was found: a broken chain or a log that departs from its checkpoints. */
    public boolean tampered() {
        return broken > 0 || (log != null && log.broken());
    }

    public static final int MAX_LISTED = 100;
}
