package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A proposer withdraws the suggestion before any reply. */
public record WithdrawProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        String reason) {
}
