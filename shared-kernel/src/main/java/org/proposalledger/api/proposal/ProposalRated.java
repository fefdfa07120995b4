package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.DeputyId;

/** A proposer rated a reply. */
@Revision("1")
public record ProposalRated(
        ProposalId proposalId,
        DeputyId deputyId,
        Rating rating,
        String comment,
        int round) implements ProposalEvent {
}
