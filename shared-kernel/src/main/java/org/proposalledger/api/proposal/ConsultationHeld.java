package org.proposalledger.api.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** The lead unit consulted the deputy; beforeFirstReply feeds the consultation rate. */
@Revision("1")
public record ConsultationHeld(
        ProposalId proposalId,
        UnitId unitId,
        LocalDate heldOn,
        ConsultationMode mode,
        List<String> participants,
        String notes,
        boolean beforeFirstReply) implements ProposalEvent {
    public ConsultationHeld {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
