package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The congress office decides not to handle it as a suggestion. */
public record RejectProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        String reason) {
}
