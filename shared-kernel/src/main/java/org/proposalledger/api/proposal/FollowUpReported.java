package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** The lead unit reported progress on a reply that promised further work. */
@Revision("1")
public record FollowUpReported(
        ProposalId proposalId,
        UnitId unitId,
        String text) implements ProposalEvent {
}
