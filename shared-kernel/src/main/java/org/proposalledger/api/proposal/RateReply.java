package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A proposer rates the latest reply. */
public record RateReply(
        @TargetAggregateIdentifier ProposalId proposalId,
        Rating rating,
        String comment) {
}
