package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** The lead unit replied; late when after the due date in force; round 1 is the first reply, later rounds follow re-handling. */
@Revision("1")
public record ProposalReplied(
        ProposalId proposalId,
        UnitId unitId,
        ReplyClass classification,
        String text,
        String signedBy,
        LocalDate repliedOn,
        LocalDate dueOn,
        boolean late,
        int round) implements ProposalEvent {
}
