package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The reply due date was moved with a recorded approval. */
@Revision("1")
public record DeadlineExtended(
        ProposalId proposalId,
        LocalDate previousDueOn,
        LocalDate newDueOn,
        String approvedBy) implements ProposalEvent {
}
