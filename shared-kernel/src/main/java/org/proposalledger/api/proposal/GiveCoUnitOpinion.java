package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A co-unit sends its opinion to the lead unit. */
public record GiveCoUnitOpinion(
        @TargetAggregateIdentifier ProposalId proposalId,
        String text) {
}
