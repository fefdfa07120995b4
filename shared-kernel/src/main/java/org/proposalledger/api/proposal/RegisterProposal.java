package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The congress office accepts the suggestion and gives it a number. */
public record RegisterProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        String number) {
}
