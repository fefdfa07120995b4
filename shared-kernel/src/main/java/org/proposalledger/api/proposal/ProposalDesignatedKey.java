package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;

/** The suggestion became a key suggestion under a supervising leader. */
@Revision("1")
public record ProposalDesignatedKey(
        ProposalId proposalId,
        String supervisingLeader) implements ProposalEvent {
}
