package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** A co-unit's opinion passed its due date without being given. */
@Revision("1")
public record CoUnitOpinionOverdue(
        ProposalId proposalId,
        UnitId unitId,
        LocalDate dueOn) implements ProposalEvent {
}
