package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit sends its written reply. */
public record ReplyToProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        ReplyClass classification,
        String text,
        String signedBy) {
}
