package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** The lead unit handed a wrong assignment back. */
@Revision("1")
public record AssignmentReturned(
        ProposalId proposalId,
        UnitId unitId,
        String reason) implements ProposalEvent {
}
