package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.DeputyId;

/** A proposer withdrew the suggestion. */
@Revision("1")
public record ProposalWithdrawn(
        ProposalId proposalId,
        DeputyId deputyId,
        String reason) implements ProposalEvent {
}
