package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The congress office closes the suggestion; without a satisfactory rating a decision text is required. */
public record CloseProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        String decision) {
}
