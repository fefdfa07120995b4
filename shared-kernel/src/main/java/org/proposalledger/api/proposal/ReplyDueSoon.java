package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** Reminder to the lead unit: the reply is due within the session's reminder lead time. Once per due date. */
@Revision("1")
public record ReplyDueSoon(
        ProposalId proposalId,
        UnitId unitId,
        LocalDate dueOn,
        int round) implements ProposalEvent {
}
