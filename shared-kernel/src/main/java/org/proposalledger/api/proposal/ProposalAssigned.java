package org.proposalledger.api.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

/** The suggestion was assigned to a lead unit (and co-units) with a reply due date. */
@Revision("1")
public record ProposalAssigned(
        ProposalId proposalId,
        SessionId sessionId,
        UnitId leadUnitId,
        List<UnitId> coUnitIds,
        LocalDate assignedOn,
        LocalDate dueOn) implements ProposalEvent {
    public ProposalAssigned {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
