package org.proposalledger.api.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

/** A returned suggestion was assigned to a new lead unit. */
@Revision("1")
public record ProposalReassigned(
        ProposalId proposalId,
        SessionId sessionId,
        UnitId leadUnitId,
        List<UnitId> coUnitIds,
        LocalDate assignedOn,
        LocalDate dueOn) implements ProposalEvent {
    public ProposalReassigned {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
