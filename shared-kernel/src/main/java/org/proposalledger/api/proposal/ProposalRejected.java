package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;

/** The suggestion was not taken up as a suggestion. */
@Revision("1")
public record ProposalRejected(
        ProposalId proposalId,
        String reason) implements ProposalEvent {
}
