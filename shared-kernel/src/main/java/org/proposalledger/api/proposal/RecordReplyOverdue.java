package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ledger notes that a due date passed with no reply. */
public record RecordReplyOverdue(
        @TargetAggregateIdentifier ProposalId proposalId) {
}
