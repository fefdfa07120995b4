package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** The due date passed with no reply. */
@Revision("1")
public record ReplyOverdue(
        ProposalId proposalId,
        UnitId unitId,
        LocalDate dueOn,
        int round) implements ProposalEvent {
}
