package org.proposalledger.query.projection;

/** Names shared by the read-model projections. */
public final class Projections {

    /** One streaming processor feeds every read model, so a replay reads the store once. */
    public static final String GROUP = "proposal-views";

    private Projections() {
    }
}
