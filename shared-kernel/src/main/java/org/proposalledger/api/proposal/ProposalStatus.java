package org.proposalledger.api.proposal;

/** Where a proposal stands in its lifecycle. */
public enum ProposalStatus {
    SUBMITTED, REGISTERED, REJECTED, ASSIGNED, REPLIED, REHANDLING, CLOSED, WITHDRAWN;

    /** A proposal in a terminal status accepts no further step. */
    public boolean isTerminal() {
        return this == REJECTED || this == CLOSED || this == WITHDRAWN;
    }
}
