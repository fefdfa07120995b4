package org.proposalledger.platform.audit;

/**
 * The verdict on one aggregate's chain. {@code status} INTACT, BROKEN or UNKNOWN (no events);
 * when broken, {@code brokenAtSequence} is the first sequence that does not hold and
 * {@code problem} says why: {@code payload-altered} (the row no longer hashes to what was
 * stored: payload, type, timestamp or actor changed), {@code event-missing} (a sequence number
 * is absent), {@code order-changed} (the row links to an event stored after it),
 * {@code link-altered} (its link to the previous event does not match), {@code hash-missing}
 * (a chained aggregate has a later event without a hash). Events stored before the chain
 * existed are counted as {@code unchained}, not broken.
 */
public record ChainReport(String aggregateId, String status, long events, long chained, long unchained,
                          Long brokenAtSequence, String problem, String detail, String headHash) {

    public static final String INTACT = "INTACT";
    public static final String BROKEN = "BROKEN";
    public static final String UNKNOWN = "UNKNOWN";

    public boolean intact() {
        return INTACT.equals(status);
    }

    public boolean broken() {
        return BROKEN.equals(status);
    }
}
