package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** The suggestion went back to the lead unit for a new reply (after an unsatisfied rating, or by the office). */
@Revision("1")
public record RehandlingOrdered(
        ProposalId proposalId,
        UnitId unitId,
        LocalDate dueOn,
        String reason,
        int round) implements ProposalEvent {
}
