package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;

/** The suggestion was closed. */
@Revision("1")
public record ProposalClosed(
        ProposalId proposalId,
        String decision) implements ProposalEvent {
}
