package org.proposalledger.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.proposalledger.api.reference.UnitId;

/** The ledger notes that a co-unit's opinion is past its due date (sent by the deadline watcher, may repeat). */
public record RecordCoUnitOpinionOverdue(@TargetAggregateIdentifier ProposalId proposalId, UnitId unitId) {
}
