package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit returns a wrong assignment (within 7 working days). */
public record ReturnAssignment(
        @TargetAggregateIdentifier ProposalId proposalId,
        String reason) {
}
