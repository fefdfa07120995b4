package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The congress office makes it a key suggestion supervised by a named leader. */
public record DesignateKeyProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        String supervisingLeader) {
}
