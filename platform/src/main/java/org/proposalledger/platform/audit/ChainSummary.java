package org.proposalledger.platform.audit;

import java.util.List;

/**
 * Counts of a whole-store verification: aggregates whose chain holds, is broken, or which hold
 * only unchained (pre-chain) events; events in all; the first broken ones in detail.
 */
public record ChainSummary(long aggregates, long intact, long broken, long unchainedOnly, long events,
                           long unchainedEvents, List<ChainReport> firstBroken) {

    public static final int MAX_LISTED = 100;
}
