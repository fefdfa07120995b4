package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit reports progress on a B/C reply. */
public record ReportFollowUp(
        @TargetAggregateIdentifier ProposalId proposalId,
        String text) {
}
