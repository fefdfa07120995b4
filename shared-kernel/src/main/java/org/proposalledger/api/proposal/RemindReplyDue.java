package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ledger reminds the lead unit that its reply is due soon (sent by the deadline watcher, may repeat). */
public record RemindReplyDue(@TargetAggregateIdentifier ProposalId proposalId) {
}
